"""Static file server for local use and the end-to-end tests.

It sends the same strict Content-Security-Policy that a production host should send, so that
anything the policy would block also fails here.
"""

import argparse
import functools
import http.server
import os

# Exactly the policy of docs/hosting.md; frame-ancestors is set per run (--frame-ancestors).
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    frame_ancestors = "'self'"
    frame_src = ""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

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
    parser.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), ".."))
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
    handler = functools.partial(Handler, directory=os.path.abspath(args.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Routewijzer: http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
