/**
 * Freezes an object graph in place and returns it. Used for module-level data shared by
 * every caller (default settings, templates): a stray mutation must fail loudly instead
 * of silently changing what everyone else sees.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
