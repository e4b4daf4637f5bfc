/** Python with the standard library only (urllib, json): nothing to install. */
import type { SnippetFeatures } from '../features'
import type { Template } from '../template'
import { slot, templateBuilder } from '../template'
import { addPythonMessagesAndOptions } from './python-body'

export function pythonUrllibTemplate(f: SnippetFeatures): Template {
  const { add, line, lines } = templateBuilder()
  line`import json
import os
import urllib.error
import urllib.request

body = {
    "model": ${slot('model')},
    "messages": [`
  addPythonMessagesAndOptions(add, f, (name) => `"${name}": `)
  line`}
request = urllib.request.Request(
    ${slot('url')},
    data=json.dumps(body).encode("utf-8"),
    headers={
        "Authorization": "Bearer " + os.environ[${slot('keyEnv')}],
        "Content-Type": "application/json",
    },
)
try:
    response = urllib.request.urlopen(request)
except urllib.error.HTTPError as error:
    raise SystemExit(f"{error.code} {error.read().decode('utf-8')}")
with response:`
  add({ stream: false, tools: false })`    completion = json.load(response)
    print(completion["choices"][0]["message"]["content"])`
  if (f.tools)
    add({ stream: false, tools: true })`    message = json.load(response)["choices"][0]["message"]
    for call in message.get("tool_calls") or []:
        print(f"tool call: {call['function']['name']}({call['function']['arguments']})")
    if message.get("content"):
        print(message["content"])`
  if (f.stream) {
    add({ stream: true })`    # Server-sent events: "data: {json}" lines, then "data: [DONE]"
    for raw in response:
        line = raw.decode("utf-8").strip()
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            break
        chunk = json.loads(data)
        if "error" in chunk:
            raise SystemExit(chunk["error"].get("message", "stream error"))
        if not chunk.get("choices"):
            continue
        delta = chunk["choices"][0].get("delta") or {}
        print(delta.get("content") or "", end="", flush=True)`
    if (f.tools)
      add({ stream: true, tools: true })`        for call in delta.get("tool_calls") or []:
            function = call.get("function") or {}
            if function.get("name"):
                print(f"\\ntool call: {function['name']} ", end="")
            print(function.get("arguments") or "", end="", flush=True)`
    add({ stream: true })`    print()`
  }
  return lines
}
