/**
 * curl, for bash and zsh. The body is one single-quoted word (nothing inside is special to
 * either shell, `!` included); options sit between `model` and `messages` so every option line
 * can end with a comma and the JSON stays valid whichever are on. No comment lines: zsh runs
 * pasted `#` lines as commands unless INTERACTIVE_COMMENTS is set.
 */
import type { SnippetFeatures } from '../features'
import type { Template } from '../template'
import { slot, templateBuilder } from '../template'

export function curlTemplate(f: SnippetFeatures): Template {
  const { add, line, lines } = templateBuilder()
  line`curl '${slot('url')}' \\
  -H "Authorization: Bearer $${slot('keyEnv')}" \\
  -H 'Content-Type: application/json' \\`
  // -N: print each event as it arrives instead of buffering
  if (f.stream) add({ stream: true })`  -N \\`
  line`  -d '{
  "model": ${slot('model')},`
  if (f.temperature) add({ temperature: true })`  "temperature": ${slot('temperature')},`
  if (f.maxTokens) add({ maxTokens: true })`  "${f.maxTokens}": ${slot('maxTokens')},`
  if (f.topP) add({ topP: true })`  "top_p": ${slot('topP')},`
  if (f.stop) add({ stop: true })`  "stop": [${slot('stop')}],`
  if (f.seed) add({ seed: true })`  "seed": ${slot('seed')},`
  if (f.reasoning) add({ reasoning: true })`  "reasoning_effort": ${slot('reasoningEffort')},`
  if (f.jsonSchema)
    add({ jsonSchema: true })`  "response_format": {
    "type": "json_schema",
    "json_schema": {
      "name": "answer",
      "strict": true,
      "schema": {
        "type": "object",
        "properties": {"answer": {"type": "string"}},
        "required": ["answer"],
        "additionalProperties": false
      }
    }
  },`
  if (f.tools) {
    add({ tools: true })`  "tools": [
    {
      "type": "function",
      "function": {
        "name": "get_weather",
        "description": "Get the current weather in a city",
        "parameters": {
          "type": "object",
          "properties": {"city": {"type": "string"}},
          "required": ["city"]
        }
      }
    }
  ],`
    if (f.toolChoice) add({ tools: true })`  "tool_choice": "auto",`
  }
  if (f.stream) add({ stream: true })`  "stream": true,`
  line`  "messages": [`
  add({ system: true })`    {"role": "system", "content": ${slot('system')}},`
  add({ image: false })`    {"role": "user", "content": ${slot('message')}}`
  if (f.image)
    add({ image: true })`    {"role": "user", "content": [
      {"type": "text", "text": ${slot('message')}},
      {"type": "image_url", "image_url": {"url": ${slot('imageUrl')}}}
    ]}`
  line`  ]
}'`
  return lines
}
