/** Questions and answers generated from a model's facts, followed by the file's own entries. */
import { formatDate, formatPrice, formatTokens } from '@/lib/pricing/format'

import type { Faq } from './schema'
import type { Model } from './types'
import { CAPABILITIES, CAPABILITY_KEYS } from './vocab'

export function modelFaq(model: Model, siteUrl: string): Faq[] {
  const c = model.cheapest
  const faq: Faq[] = []
  faq.push({
    question: `How much does ${model.name} cost?`,
    answer: c
      ? `${model.name} costs ${formatPrice(c.pricing.input)} per 1M input tokens and ${formatPrice(c.pricing.output)} per 1M output tokens at its cheapest provider, ${c.providerName}` +
        (c.pricing.cacheRead !== undefined
          ? `; cached input is ${formatPrice(c.pricing.cacheRead)} per 1M tokens`
          : '') +
        `. ${model.endpoints.length === 1 ? 'It is offered by one provider.' : `Prices at all ${model.endpoints.length} providers are listed on this page.`}`
      : `No provider in this catalog currently lists a price for ${model.name}.`,
  })
  faq.push({
    question: `How do I call ${model.name} from my code?`,
    answer: `Send an OpenAI-compatible chat-completions request to ${siteUrl}/api/v1/chat/completions with "model": "${model.id}" and your key in the Authorization header. Any OpenAI SDK works with its base URL set to ${siteUrl}/api/v1.`,
  })
  faq.push({
    question: `What is the context window of ${model.name}?`,
    answer: `${formatTokens(model.contextWindow)} tokens, shared between the prompt and the reply. Some providers serve it with a smaller window; the providers table lists each one's limit.`,
  })
  if (model.maxOutputTokens) {
    faq.push({
      question: `How many tokens can ${model.name} write in one response?`,
      answer: `Up to ${formatTokens(model.maxOutputTokens)} output tokens per request.`,
    })
  }
  const yes = CAPABILITY_KEYS.filter((k) => model.capabilities[k]).map((k) => CAPABILITIES[k].toLowerCase())
  const no = CAPABILITY_KEYS.filter((k) => !model.capabilities[k]).map((k) => CAPABILITIES[k].toLowerCase())
  faq.push({
    question: `What can ${model.name} do?`,
    answer:
      `It reads ${model.modalities.input.join(', ')} and writes ${model.modalities.output.join(', ')}.` +
      (yes.length ? ` It supports ${yes.join(', ')}.` : '') +
      (no.length ? ` It does not support ${no.join(', ')}.` : ''),
  })
  if (model.knowledgeCutoff) {
    faq.push({
      question: `What is the knowledge cutoff of ${model.name}?`,
      answer: `Its training data runs to ${formatDate(model.knowledgeCutoff)}; it knows nothing later unless you give it the information in the prompt${model.capabilities.webSearch ? ' or let it search the web' : ''}.`,
    })
  }
  return [...faq, ...model.faq]
}
