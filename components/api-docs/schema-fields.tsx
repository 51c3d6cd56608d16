type Json = Record<string, unknown>;

/** A short type label for a JSON Schema: "string ≤ 120", "integer 0–100", "R|A…", "object". */
export function typeLabel(schema: Json): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeLabel).join(" or ");
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(" | ") : String(schema.type ?? "any");
  const bounds: string[] = [];
  if (typeof schema.minLength === "number" && schema.minLength > 0) bounds.push(`≥ ${schema.minLength} chars`);
  if (typeof schema.maxLength === "number") bounds.push(`≤ ${schema.maxLength} chars`);
  if (typeof schema.minimum === "number") bounds.push(`≥ ${schema.minimum}`);
  // zod's int() is bounded by the safe-integer range: not worth printing.
  if (typeof schema.maximum === "number" && schema.maximum < Number.MAX_SAFE_INTEGER)
    bounds.push(`≤ ${schema.maximum}`);
  if (typeof schema.maxItems === "number") bounds.push(`≤ ${schema.maxItems} items`);
  if (type === "array" && schema.items && typeof schema.items === "object") {
    return `array of ${typeLabel(schema.items as Json)}${bounds.length ? ` (${bounds.join(", ")})` : ""}`;
  }
  return bounds.length ? `${type} (${bounds.join(", ")})` : type;
}

/** The fields of an object schema as a table (one level; nested objects are named "object"). */
export function SchemaFields({ schema, caption }: { schema: Json; caption: string }) {
  const variants = Array.isArray(schema.anyOf) ? (schema.anyOf as Json[]) : [schema];
  return (
    <>
      {variants.map((variant, i) => {
        const props = (variant.properties ?? {}) as Record<string, Json>;
        const required = new Set((variant.required as string[] | undefined) ?? []);
        const entries = Object.entries(props);
        if (entries.length === 0) return null;
        return (
          <table key={i} className="mt-2 w-full table-fixed text-left text-sm">
            <colgroup>
              <col className="w-1/3" />
              <col />
              <col className="w-24" />
            </colgroup>
            <caption className="mb-1 text-left text-xs font-medium text-slate-600 dark:text-slate-400">
              {variants.length > 1 ? `${caption}, form ${i + 1} of ${variants.length}` : caption}
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Type</th>
                <th scope="col">Required</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {entries.map(([name, field]) => (
                <tr key={name}>
                  <th scope="row" className="py-1 pr-4 align-top font-mono text-xs font-medium">
                    {name}
                  </th>
                  <td className="py-1 pr-4 align-top font-mono text-xs break-words text-slate-700 dark:text-slate-300">
                    {typeLabel(field)}
                    {field.default !== undefined ? ` = ${JSON.stringify(field.default)}` : ""}
                  </td>
                  <td className="py-1 align-top text-xs text-slate-600 dark:text-slate-400">
                    {required.has(name) && field.default === undefined ? "required" : "optional"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
