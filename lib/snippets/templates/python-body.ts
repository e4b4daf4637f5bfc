/**
 * The request's messages and options in Python, shared by both Python templates: the SDK passes
 * the options as keyword arguments (`temperature=0.7`), urllib as dict entries
 * (`"temperature": 0.7`); `key` spells the name one way or the other. Values, and so their
 * escaping, are the same in both.
 */
import type { SnippetFeatures } from '../features'
import type { TemplateAdd } from '../template'
import { slot } from '../template'

export function addPythonMessagesAndOptions(add: TemplateAdd, f: SnippetFeatures, key: (name: string) => string) {
  const line = add()
  add({ system: true })`        {"role": "system", "content": ${slot('system')}},`
  add({ image: false })`        {"role": "user", "content": ${slot('message')}},`
  if (f.image)
    add({ image: true })`        {
            "role": "user",
            "content": [
                {"type": "text", "text": ${slot('message')}},
                {"type": "image_url", "image_url": {"url": ${slot('imageUrl')}}},
            ],
        },`
  line`    ],`
  if (f.temperature) add({ temperature: true })`    ${key('temperature')}${slot('temperature')},`
  if (f.maxTokens) add({ maxTokens: true })`    ${key(f.maxTokens)}${slot('maxTokens')},`
  if (f.topP) add({ topP: true })`    ${key('top_p')}${slot('topP')},`
  if (f.stop) add({ stop: true })`    ${key('stop')}[${slot('stop')}],`
  if (f.seed) add({ seed: true })`    ${key('seed')}${slot('seed')},`
  if (f.reasoning) add({ reasoning: true })`    ${key('reasoning_effort')}${slot('reasoningEffort')},`
  if (f.jsonSchema)
    add({ jsonSchema: true })`    ${key('response_format')}{
        "type": "json_schema",
        "json_schema": {
            "name": "answer",
            "strict": True,
            "schema": {
                "type": "object",
                "properties": {"answer": {"type": "string"}},
                "required": ["answer"],
                "additionalProperties": False,
            },
        },
    },`
  if (f.tools) {
    add({ tools: true })`    ${key('tools')}[
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Get the current weather in a city",
                "parameters": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}},
                    "required": ["city"],
                },
            },
        }
    ],`
    if (f.toolChoice) add({ tools: true })`    ${key('tool_choice')}"auto",`
  }
  if (f.stream) add({ stream: true })`    ${key('stream')}True,`
}
