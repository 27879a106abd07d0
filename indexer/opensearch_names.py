"""Where the command lines find a Warta index in OpenSearch: the environment variable that names
the cluster and the alias of the index in it. A module of its own because both CLIs (``warta``,
``warta-serve``) read them when their options are declared, without importing the OpenSearch
client."""

from __future__ import annotations

from typing import Final

URL_ENV: Final = "WARTA_OPENSEARCH_URL"
DEFAULT_NAME: Final = "warta"
