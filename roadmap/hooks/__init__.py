"""MkDocs hooks: the thin glue between MkDocs and the pure functions of this package, one file
per concern, listed in mkdocs.yml in the order they run. MkDocs builds the folder that
`python -m roadmap generate` writes (roadmap/generate.py): the pages with their generated parts
and markers expanded, roadmap.json and the other data files. The hooks read what they need of
the roadmap from those files (roadmap.json), never from the data. `python -m roadmap serve`
(roadmap/serve.py) runs MkDocs in its own process and, on each save, generates again and renders
again only what changed.

- pages_ready.py (on_pre_build, before any plugin): when `python -m roadmap build` generates the
  pages while MkDocs starts (roadmap/handoff.py), MkDocs reads none until they are written.
- build_cache.py: what a build keeps for the next in build/: each Markdown page's HTML, table
  of contents and anchors, reused while the page, the files it includes, the site's files, the
  Markdown settings and the package versions are the same (roadmap/page_cache.py); each code
  block's HTML from Pygments (roadmap/highlight_cache.py), for the pages that change; and the
  theme's templates compiled by Jinja.
- navigation.py (on_nav): tracks in tracks.yml order, titled from the data, skills in study
  order, the notebooks after them in the order their index page lists them.
- page_content.py: snippet paths anchored to the project; what the search index leaves out
  (roadmap/search.py), set aside while the search plugin parses the page; notebook pages
  (rendered by mkdocs-jupyter) fitted to the site: links, a download link, nothing the page
  security policy refuses, stylesheets and plots in files of their own (pruned to the rules the
  notebook pages use), only the first cell in the search index. A link to a missing page stops
  the build.
- site_assets.py: the files the exercises need to run on the page that are not in docs/ (the
  Python runtime, the wheels of pytest and Hypothesis: roadmap/pyodide.py); in a build, the
  site's own scripts and stylesheets minified and the theme's stylesheets pruned to the rules
  the pages can match (the result kept for the next build, css.kept_theme_stylesheets; the
  notebooks' stylesheets too, in page_content.py, css.kept_pruning).
- offline_app.py: in a build, every page links the web app manifest, and after the build the
  manifest and the service worker that keeps the site for reading offline (roadmap/offline.py).
- page_policy.py: every HTML page, pages and theme templates alike, gets its
  Content-Security-Policy (a page with an inline script or style off the allow-list, taken
  from the theme's sources, stops the build), an accessible name for the theme's search dialog,
  `defer` on the theme's script, no template indentation, and only the stylesheets it uses.
  Pages whose content carries an event handler attribute or a script URL stop the build, all
  listed at once (csp.active_markup).
"""
