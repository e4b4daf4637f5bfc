/** Python with the official `openai` package. */
import type { SnippetFeatures } from '../features'
import type { Template } from '../template'
import { slot, templateBuilder } from '../template'
import { addPythonMessagesAndOptions } from './python-body'

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
  addPythonMessagesAndOptions(add, f, (name) => `${name}=`)
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
