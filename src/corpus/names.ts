/** Particles that stand inside a name, "Alexis de Tocqueville", "Ludwig van Beethoven": written lower case there by most books. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ten', 'ter', 'la', 'le']);
