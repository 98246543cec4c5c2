"""Static file server for local use and the end-to-end tests.

It sends the same strict Content-Security-Policy that a production host should send, so that
anything the policy would block also fails here.

It serves only a site's files: never a dotfile or dot-folder (`/.git/config`), never a
directory listing, and from the repository itself only what the page loads (`index.html`,
`www/`, `pkg/`, `data/rules.json`, `data/findings/en.json`, `data/geo/water.bin`), never `src/`, `target/`,
`Cargo.toml` and the like.
Anything else is 404. Any other folder (the `make dist` bundle, a test's host pages) is
served whole, less dotfiles and listings.
"""

import argparse
import functools
import http.server
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
# What the page in the repository loads after `make build` (docs/performance.md).
SITE_FILES = {"index.html", "data/rules.json", "data/findings/en.json", "data/geo/water.bin"}
SITE_FOLDERS = ("www/", "pkg/")

# Exactly the policy of docs/hosting.md; frame-ancestors is set per run (--frame-ancestors).
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
)


def servable(root, path, only_site):
    """Whether the file system path `path` (from translate_path) may be served from `root`."""
    relative = os.path.relpath(path, root)
    if relative == ".":
        return True  # the folder's index.html
    parts = relative.split(os.sep)
    if parts[0] == ".." or any(part.startswith(".") for part in parts):
        return False
    if os.path.isdir(path) and not os.path.isfile(os.path.join(path, "index.html")):
        return False  # no listings
    if only_site:
        name = "/".join(parts)
        return name in SITE_FILES or name.startswith(SITE_FOLDERS)
    return True


class Handler(http.server.SimpleHTTPRequestHandler):
    frame_ancestors = "'self'"
    frame_src = ""
    only_site = False

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def send_head(self):
        if not servable(self.directory, self.translate_path(self.path), self.only_site):
            self.send_error(404)
            return None
        return super().send_head()

    def list_directory(self, path):
        self.send_error(404)
        return None

    def end_headers(self):
        self.send_header(
            "Content-Security-Policy",
            f"{CSP}; frame-ancestors {self.frame_ancestors}{self.frame_src}",
        )
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):  # quiet unless asked
        if os.environ.get("SERVE_LOG"):
            super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default=REPO)
    parser.add_argument(
        "--frame-ancestors",
        default="'self'",
        help="who may frame the pages (an iframe host's origin in the embedding test)",
    )
    parser.add_argument(
        "--frame-src", help="what its pages may frame (the iframe host page in that test)"
    )
    args = parser.parse_args()
    Handler.frame_ancestors = args.frame_ancestors
    if args.frame_src:
        Handler.frame_src = f"; frame-src {args.frame_src}"
    directory = os.path.abspath(args.dir)
    Handler.only_site = os.path.samefile(directory, REPO)
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Routewijzer: http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
