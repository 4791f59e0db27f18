/**
 * A connection URL as messages and logs may show it: any password replaced by "***" (a Redis
 * or PostgreSQL URL carries its password in the user-info part). Text that is not a URL is
 * returned as it is: it holds no user-info to hide.
 */
export function displayUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.password) return url;
  parsed.password = '***';
  return parsed.toString();
}
