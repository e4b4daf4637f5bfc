/** Python with the official `openai` package. */
import type { SnippetFeatures } from '../features'
import { slot, templateBuilder, type Template } from '../template'

export function pythonTemplate(f: SnippetFeatures): Template {
  const { add, line, lines } = templateBuilder()
  line`import os

from openai import OpenAI

client = OpenAI(
    base_url=${slot('baseUrl')},
    api_key=os.environ[${slot('keyEnv')}],
)
`
  if (f.stream) add({ stream: true })`stream = client.chat.completions.create(`
  add({ stream: false })`completion = client.chat.completions.create(`
  line`    model=${slot('model')},
    messages=[`
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
  if (f.temperature) add({ temperature: true })`    temperature=${slot('temperature')},`
  if (f.maxTokens) add({ maxTokens: true })`    ${f.maxTokens}=${slot('maxTokens')},`
  if (f.topP) add({ topP: true })`    top_p=${slot('topP')},`
  if (f.stop) add({ stop: true })`    stop=[${slot('stop')}],`
  if (f.seed) add({ seed: true })`    seed=${slot('seed')},`
  if (f.reasoning) add({ reasoning: true })`    reasoning_effort=${slot('reasoningEffort')},`
  if (f.jsonSchema)
    add({ jsonSchema: true })`    response_format={
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
    add({ tools: true })`    tools=[
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
    if (f.toolChoice) add({ tools: true })`    tool_choice="auto",`
  }
  if (f.stream) add({ stream: true })`    stream=True,`
  line`)`

  add({ stream: false, tools: false })`print(completion.choices[0].message.content)`
  if (f.tools)
    add({ stream: false, tools: true })`message = completion.choices[0].message
for call in message.tool_calls or []:
    print(f"tool call: {call.function.name}({call.function.arguments})")
if message.content:
    print(message.content)`
  if (f.stream) {
    add({ stream: true })`for chunk in stream:
    if not chunk.choices:
        continue
    delta = chunk.choices[0].delta
    if delta.content:
        print(delta.content, end="", flush=True)`
    if (f.tools)
      add({ stream: true, tools: true })`    for call in delta.tool_calls or []:
        if call.function and call.function.name:
            print(f"\\ntool call: {call.function.name} ", end="")
        if call.function and call.function.arguments:
            print(call.function.arguments, end="", flush=True)`
    add({ stream: true })`print()`
  }
  return lines
}
