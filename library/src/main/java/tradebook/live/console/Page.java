package tradebook.live.console;

import tradebook.live.secret.Masker;

/** Server-rendered HTML: escaping (after masking secrets) and the common layout. */
final class Page {
    private Page() {}

    /** Masked, then HTML-escaped (attributes are double-quoted): every value shown goes through here. */
    static String esc(Object o) {
        return tradebook.display.Html.escape(Masker.mask(String.valueOf(o)));
    }

    static String layout(String title, String body, boolean loggedInUser) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + " · Tradebook</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>" + CSS + "</style></head><body>"
                + "<header><a href=\"/\" class=\"brand\">Tradebook console</a>"
                + (loggedInUser ? "<form method=\"post\" action=\"/logout\" class=\"inline right\">%CSRF%<button>Log out</button></form>" : "")
                + "</header><main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}"
            + "header{background:#1f2937;color:#fff;padding:8px 16px}header a{color:#fff;text-decoration:none;font-weight:600}"
            + "main{padding:8px 16px}table{border-collapse:collapse;margin:8px 0 16px;background:#fff}"
            + "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}"
            + ".inline{display:inline}.right{float:right}.ok{color:#15803d}.bad{color:#b91c1c}.muted{color:#666}"
            + ".msg{padding:8px;border:1px solid;margin:8px 0}.msg.error{border-color:#b91c1c;background:#fee2e2}"
            + ".msg.info{border-color:#15803d;background:#dcfce7}pre{background:#fff;border:1px solid #ddd;padding:8px;overflow:auto;max-height:400px}"
            + "input{width:9em}button{cursor:pointer}";
}
