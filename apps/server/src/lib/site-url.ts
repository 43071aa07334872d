import type { FastifyRequest } from 'fastify';

/**
 * The site's address for links printed on paper or put into QR codes: PUBLIC_URL when it is set
 * (behind a proxy the request's host may be an internal one), else the scheme and host the
 * request came by.
 */
export const siteOf = (request: FastifyRequest, publicUrl: string | undefined): string =>
  publicUrl ?? `${request.protocol}://${request.host}`;
