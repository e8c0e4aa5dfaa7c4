/** The inputs of the accounts routes, parsed at the edge. */
import { z } from 'zod';

const name = z.string().trim().min(1).max(100);

/** The first installation: the setup code, the school and its head. */
export const InstallSchema = z.object({
  code: z.string().trim().min(1).max(100),
  school: z.object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['ecole', 'college']),
    uai: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9]{7}[A-Z]$/),
    academie: name,
    city: z.string().trim().max(100).optional(),
  }),
  head: z.object({
    civilite: z.enum(['M.', 'Mme']),
    firstName: name,
    lastName: name,
    login: z.string().trim().toLowerCase().email().max(200),
    password: z.string().max(10_000),
  }),
});

export type InstallInput = z.infer<typeof InstallSchema>;
