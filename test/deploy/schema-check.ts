import type { ChromeSchema } from '../../protocol/managed-schema';

/** Problems a value has against Chrome's managed-schema dialect (types, properties, items), as Chrome checks. */
export function schemaProblems(value: unknown, schema: ChromeSchema, where = '$'): string[] {
  switch (schema.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${where} is not an object`];
      return Object.entries(value).flatMap(([key, child]) => {
        const childSchema = schema.properties?.[key];
        return childSchema ? schemaProblems(child, childSchema, `${where}.${key}`) : [`${where}.${key} is not in the schema`];
      });
    }
    case 'array':
      if (!Array.isArray(value)) return [`${where} is not an array`];
      return value.flatMap((item, index) => (schema.items ? schemaProblems(item, schema.items, `${where}[${index}]`) : []));
    case 'integer':
      return Number.isInteger(value) ? [] : [`${where} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${where} is not a number`];
    default:
      return typeof value === schema.type ? [] : [`${where} is not a ${schema.type}`];
  }
}
