import type { FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import type { RouteAction } from '../../access/routes.ts';
import type { ApiRegistry } from '../api.ts';
import { renderPdf, type VigilDocument } from './document.ts';

/** How a document left Vigil, for the access log's disclosure entry. */
export type DocumentFormat = 'HTML' | 'PDF';

type Output<S> = S extends ZodType ? z.output<S> : undefined;

export interface DocumentRoutes<P extends ZodType, Q extends ZodType | undefined> {
  /** The HTML document's path, as the page's (e.g. `/referrals/{referralId}/document`); the PDF's adds `.pdf`. */
  path: string;
  tag: string;
  action: RouteAction;
  /** e.g. "MAPPA A referral". */
  name: string;
  params: P;
  query?: Q;
  /**
   * The document as the requester may see it, and its PDF's file name. It logs the disclosure: a
   * document fetched over the API leaves Vigil in either format, as a page's PDF download does.
   */
  load: (
    request: FastifyRequest<{ Params: Output<P>; Querystring: Output<Q> }>,
    format: DocumentFormat,
  ) => Promise<{ document: VigilDocument; filename: string }>;
}

/**
 * A national document (MAPPA A, B, F) for API clients, exactly as the pages serve it: the same
 * `VigilDocument` as a GOV.UK HTML page at `path` and as an A4 PDF at `path.pdf`.
 */
export function addDocumentRoutes<P extends ZodType, Q extends ZodType | undefined = undefined>(
  api: ApiRegistry,
  spec: DocumentRoutes<P, Q>,
): void {
  const common = {
    method: 'GET' as const,
    tag: spec.tag,
    action: spec.action,
    params: spec.params,
    ...(spec.query ? { query: spec.query } : {}),
  };
  const disclosure = ', logged in the access log as a disclosure to you';
  api.add({
    ...common,
    path: spec.path,
    summary: `The ${spec.name} as an HTML page (OFFICIAL-SENSITIVE)${disclosure}`,
    produces: 'text/html',
    response: { type: 'string' },
    handler: async (request, reply) => {
      const { document } = await spec.load(request as never, 'HTML');
      return reply.render('document.njk', { title: document.title, document });
    },
  });
  api.add({
    ...common,
    path: `${spec.path}.pdf`,
    summary: `The ${spec.name} as a PDF (OFFICIAL-SENSITIVE on every page)${disclosure}`,
    produces: 'application/pdf',
    response: { type: 'string', contentMediaType: 'application/pdf' },
    handler: async (request, reply) => {
      const { document, filename } = await spec.load(request as never, 'PDF');
      const pdf = await renderPdf(document);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  });
}
