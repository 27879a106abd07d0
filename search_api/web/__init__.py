"""The HTML interface: a search page at ``/`` and article pages, rendered on the server.

The page works without JavaScript (``static/warta.js`` only shortens some navigations): every
state lives in the URL. By job:

- :mod:`.state` — the page state as written in the URL, and the URLs that change it;
- :mod:`.fmt` — how numbers, dates and ids are written;
- :mod:`.views` — the view models the templates print;
- :mod:`.search_page`, :mod:`.histogram` — the search page's view model (runs the searches);
- :mod:`.article_page` — the article page's view model;
- :mod:`.routes` — the Starlette routes and the article HTML hook.
"""
