package warta;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One single-node OpenSearch cluster on 127.0.0.1, embedded (no tarball, no Docker): the
 * server jar plus the Netty4 HTTP transport and the common analysis plugin (for the whitespace
 * tokenizer and the stock language analyzers). Usage: {@code java -cp ... warta.OpenSearchNode
 * [HTTP_PORT [DATA_DIR]]}; port 0 or none picks a free one; with no DATA_DIR the data lives in a
 * temp dir removed on exit. Prints {@code OPENSEARCH_URL http://127.0.0.1:PORT} once HTTP is bound
 * and runs until terminated or, with WARTA_NODE_STDIN=1 (the test fixture), until stdin closes,
 * so a node never outlives a killed test run.
 */
public final class OpenSearchNode {
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Settings settings) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "node-0"),
                  List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = s.getLocalPort();
            }
        }
        boolean temporary = args.length < 2;
        Path home = temporary ? Files.createTempDirectory("warta-opensearch-") : Path.of(args[1]);
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("cluster.name", "warta")
            .put("node.name", "node-0")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new EmbeddedNode(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                if (temporary) {
                    try (Stream<Path> paths = Files.walk(home)) {
                        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        node.start();  // returns once HTTP is bound
        System.out.println("OPENSEARCH_URL http://127.0.0.1:" + port);
        System.out.flush();
        if ("1".equals(System.getenv("WARTA_NODE_STDIN"))) {
            while (System.in.read() != -1) { /* run until stdin closes */ }
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
