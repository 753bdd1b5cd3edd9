// Lays a live run's events out off the page's main thread (a long run's layout can
// take longer than a frame); mount.js draws the result in chunks.
import { layout } from "./layout.js";

self.onmessage = ({ data }) => {
  self.postMessage(layout(data.events, data.durationMs));
};
