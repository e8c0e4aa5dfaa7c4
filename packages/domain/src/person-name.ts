/**
 * How people are named across Livret, as the national application writes them: «Prénom NOM», with the
 * civilité first when it is wanted («Mme Claire LEMAÎTRE»). A missing first name leaves the name alone.
 */

/** What a name is made of. */
export interface NamedPerson {
  firstName: string;
  lastName: string;
  civilite?: string | null;
}

/**
 * «Prénom NOM» (or «Mme Prénom NOM» with `civilite: true`).
 * @example personName({ firstName: 'Lucas', lastName: 'Martin' }) // 'Lucas MARTIN'
 * @example personName({ civilite: 'Mme', firstName: 'Claire', lastName: 'Lemaître' }, { civilite: true }) // 'Mme Claire LEMAÎTRE'
 */
export function personName(person: NamedPerson, options: { civilite?: boolean } = {}): string {
  const parts = [options.civilite ? person.civilite : null, person.firstName, person.lastName.toUpperCase()];
  return parts.filter(Boolean).join(' ');
}
