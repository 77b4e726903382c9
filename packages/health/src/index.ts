// @rel/health: filled in by its own issue.
export {};
