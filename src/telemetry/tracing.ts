import type { Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** The GraphQL document as the client sent it: literals in it may be names or ID numbers. */
const PERSONAL_ATTRIBUTES = ['graphql.source'];

/** Drops attributes that can carry personal data before a span leaves the process (the request log
 * never holds personal data; traces must not either). */
class WithoutPersonalData implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parent: Context): void {
    this.next.onStart(span, parent);
  }

  onEnd(span: ReadableSpan): void {
    // The SDK hands the ended span's own attribute record to every processor; nothing reads it after the exporter.
    const attributes = span.attributes as Record<string, unknown>;
    for (const name of PERSONAL_ATTRIBUTES) delete attributes[name];
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

let provider: NodeTracerProvider | undefined;

/**
 * OpenTelemetry traces of HTTP, Express, GraphQL and PostgreSQL, sent over OTLP/HTTP to
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (the exporter reads it and the other standard `OTEL_*` variables).
 * Must run before `http`, `express`, `graphql` and `pg` are first required: instrumentation patches
 * modules as they load. Called only when an endpoint is set, so that a server without a collector
 * pays nothing for it.
 */
export function startTracing(serviceName: string): void {
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new WithoutPersonalData(new BatchSpanProcessor(new OTLPTraceExporter()))],
  });
  provider.register();
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/metrics' || request.url === '/healthz' }),
      new ExpressInstrumentation(),
      // One span per operation phase and per non-trivial resolver, not one per leaf field of every row.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true, allowValues: false }),
      new PgInstrumentation(),
    ],
  });
}

/** Sends the spans still buffered; part of a graceful stop. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
}
