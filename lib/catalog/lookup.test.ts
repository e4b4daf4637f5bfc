import { describe, expect, it } from 'vitest'

import { lookupBareName } from './lookup'

const model = (id: string, aliases: string[] = []) => {
  const vendor = id.split('/')[0]!
  return { id, name: id, vendor, vendorName: vendor, aliases }
}
const models = [
  model('openai/gpt-4o-mini', ['gpt-4o-mini-2024-07-18']),
  model('meta/llama-3.3-70b'),
  model('groq/llama-3.3-70b'),
]
const vendors = [{ id: 'openai' }, { id: 'meta' }]

describe('/models/<one segment>', () => {
  it('sends a bare id, an alias or another case to the model', () => {
    expect(lookupBareName('gpt-4o-mini', models, vendors)).toEqual({ redirect: '/models/openai/gpt-4o-mini' })
    expect(lookupBareName('GPT-4o-Mini', models, vendors)).toEqual({ redirect: '/models/openai/gpt-4o-mini' })
    expect(lookupBareName('gpt-4o-mini-2024-07-18', models, vendors)).toEqual({
      redirect: '/models/openai/gpt-4o-mini',
    })
  })

  it('offers a choice when several models have the name, a vendor page for a vendor, nothing otherwise', () => {
    expect(lookupBareName('llama-3.3-70b', models, vendors)).toEqual({ choices: [models[1], models[2]] })
    expect(lookupBareName('OpenAI', models, vendors)).toEqual({ redirect: '/vendors/openai' })
    expect(lookupBareName('nope', models, vendors)).toBeUndefined()
  })
})
