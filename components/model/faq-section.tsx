import type { Faq } from '@/lib/catalog/schema'

/** FAQ as a description list plus FAQPage structured data (JSON-LD) for search engines. */
export function FaqSection({ faq }: { faq: Faq[] }) {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faq.map((f) => ({
      '@type': 'Question',
      name: f.question,
      acceptedAnswer: { '@type': 'Answer', text: f.answer },
    })),
  }
  return (
    <>
      <div className="divide-y rounded-lg border">
        {faq.map((f) => (
          <details key={f.question} className="group p-4" open>
            <summary className="cursor-pointer font-medium">
              <h3 className="inline">{f.question}</h3>
            </summary>
            <p className="mt-2 text-sm leading-relaxed text-muted-foreground">{f.answer}</p>
          </details>
        ))}
      </div>
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be the script's raw text; `<` is escaped so content can never close the element
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
    </>
  )
}
