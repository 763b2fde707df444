/**
 * Custom Elements Manifest (custom-elements.json) for site owners' editors and docs,
 * generated at build from the JSDoc block at the top of widget/customer-portal.ts.
 * Only the public element: the screens inside it are its own business.
 */
export default {
  globs: ['widget/customer-portal.ts'],
  outdir: '.',
  litelement: true,
  // package.json belongs to the lead; the analyzer would add a `customElements` field to it.
  packagejson: false,
  plugins: [
    {
      // The public surface only. Events: the ones the JSDoc documents (the analyzer would
      // also list `new CustomEvent(type, …)` in the helper that dispatches them, as "type").
      // Attributes: not the internal state the analyzer reads from `static properties`.
      name: 'public-surface-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const privateFields = new Set(
              (declaration.members ?? [])
                .filter((member) => member.privacy === 'private')
                .map((member) => member.name),
            );
            // PortalFlow (widget/portal-flow.ts) is the element's internal base class; for
            // site owners the element is a LitElement, and the manifest names no module it omits.
            if (declaration.superclass?.name === 'PortalFlow') {
              declaration.superclass = { name: 'LitElement', package: 'lit' };
            }
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.description);
            }
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !privateFields.has(attribute.fieldName),
              );
            }
          }
        }
      },
    },
  ],
};
