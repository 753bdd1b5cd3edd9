// The playground's share links: the program travels in the URL fragment, deflated and
// base64url-encoded, so nothing is uploaded and links stay short.

const PREFIX = "#code=";

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const plain = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(plain, (c) => c.charCodeAt(0));
}

/** The URL of this page (or `href`) with `source` in its fragment. */
export async function shareUrl(source, href = location.href) {
  const packed = await pipe(new TextEncoder().encode(source), new CompressionStream("deflate-raw"));
  return href.split("#")[0] + PREFIX + toBase64Url(packed);
}

/** The program in this page's fragment, or null (none, or a damaged link). */
export async function sharedSource(hash = location.hash) {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const packed = fromBase64Url(hash.slice(PREFIX.length));
    return new TextDecoder().decode(await pipe(packed, new DecompressionStream("deflate-raw")));
  } catch (error) {
    console.warn("the shared code in this link is damaged", error);
    return null;
  }
}
