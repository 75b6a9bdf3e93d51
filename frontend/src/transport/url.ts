// URLs of the endpoint: the page's own path, app chosen by the page config.

export function endpointUrl(params: Record<string, string | number>, scheme?: "ws"): string {
  const query = Object.keys(params)
    .map((key) => encodeURIComponent(key) + "=" + encodeURIComponent(String(params[key])))
    .join("&");
  const path = location.pathname + "?" + query;
  if (scheme === "ws") {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
  }
  return path;
}
