// Text put into HTML (email bodies, the GraphiQL page): the five characters that could end an element or attribute.
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
