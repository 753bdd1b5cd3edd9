// The playground's Share button: puts the program in a link (share.js), shows the link,
// and copies it when the browser lets the page use the clipboard.

import { button, el } from "./dom.js";
import { shareUrl } from "./share.js";

export class ShareControls {
  constructor() {
    this.button = button("runner__share", "Share", "Copy a link that reopens the playground with this code");
    this.field = el("input", { className: "runner__link", type: "url", readOnly: true, hidden: true });
    this.field.setAttribute("aria-label", "Link to this program");
  }

  /** Make a link for `source`, show it, and tell the reader (via `say`) what to do. */
  async share(source, say) {
    const url = await shareUrl(source);
    history.replaceState(history.state, "", url);
    this.field.value = url;
    this.field.hidden = false;
    this.field.select();
    try {
      await navigator.clipboard.writeText(url);
      say("Link copied: it opens this playground with your code.");
    } catch {
      say("Copy the link above: it opens this playground with your code.");
    }
  }
}
