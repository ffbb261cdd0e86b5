/**
 * The address to print once the server listens: the configured host, except that a wildcard host
 * (every interface) is not an address a browser can open, so it is shown as localhost.
 */
const wildcardHosts = new Set(["0.0.0.0", "::", "[::]", "::0", ""]);

export const listenUrl = (host: string, port: number): string => {
  if (wildcardHosts.has(host)) return `http://localhost:${port}`;
  // An IPv6 literal needs brackets in a URL.
  const shown = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${shown}:${port}`;
};
