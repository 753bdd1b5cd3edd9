// A stand-in for the browser's Worker, shared by the run-queue tests (runner/session.js):
// it records what the page posts and whether it was terminated, and say() plays the
// worker's side of the protocol (worker.js). Importing it installs it as globalThis.Worker.
export class FakeWorker {
  static all = [];
  constructor() {
    this.posted = [];
    this.terminated = false;
    FakeWorker.all.push(this);
  }
  postMessage(message) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(data) {
    this.onmessage({ data });
  }
}

globalThis.Worker = FakeWorker;
