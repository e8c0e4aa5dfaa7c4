/**
 * The one way a route reads its input: Hono's validator with a zod schema per part of the request (JSON body,
 * query, path parameters, form), and a French message when the input does not fit. The parsed value is typed
 * in the handler (`c.req.valid('json')`) and in the typed client (`hc<AppType>`).
 * @example .post('/lock', input('json', LockBody, 'Indiquez les élèves à verrouiller.'), (c) => c.req.valid('json'))
 */
import { validator } from 'hono/validator';
import { z } from 'zod';
import { AppError } from '../errors.js';

type Target = 'json' | 'query' | 'param' | 'form';

/** Validates one part of the request against `schema`; throws a French `invalid` error otherwise. */
export function input<T extends Target, S extends z.ZodType>(target: T, schema: S, message: string) {
  return validator(target, (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw new AppError('invalid', message, z.treeifyError(result.error));
    return result.data;
  });
}
