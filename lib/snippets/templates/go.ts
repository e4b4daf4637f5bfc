/**
 * Go with net/http and encoding/json only. The body is a map literal (every option line ends
 * with a comma, as gofmt writes composite literals); imports follow what the variant uses, since
 * an unused import does not compile. Go 1.18+ (`any`); no newer library calls.
 *
 * The output is what gofmt prints (compile.test.ts runs gofmt over every option combination).
 * gofmt lines up the values of consecutive one-line `key: value` elements, so how far a value
 * sits depends on which options show: every such line writes `${PAD}` after its colon and the
 * renderers put in the spaces (see `alignPads` in template.ts). Never align by hand with spaces;
 * struct fields (aligned by gofmt differently, and never optional here) are written as gofmt
 * prints them.
 */
import type { SnippetFeatures } from '../features'
import type { Template } from '../template'
import { PAD, slot, templateBuilder } from '../template'

export function goTemplate(f: SnippetFeatures): Template {
  const { add, line, lines } = templateBuilder()
  line`package main

import (`
  if (f.stream) add({ stream: true })`	"bufio"`
  line`	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"`
  if (f.stream) add({ stream: true })`	"strings"`
  line`)

func main() {
	body, err := json.Marshal(map[string]any{
		"model":${PAD}${slot('model')},
		"messages": []map[string]any{`
  add({ system: true })`			{"role": "system", "content": ${slot('system')}},`
  add({ image: false })`			{"role": "user", "content": ${slot('message')}},`
  if (f.image)
    add({ image: true })`			{
				"role":${PAD}"user",
				"content": []map[string]any{
					{"type": "text", "text": ${slot('message')}},
					{"type": "image_url", "image_url": map[string]string{"url": ${slot('imageUrl')}}},
				},
			},`
  line`		},`
  if (f.temperature) add({ temperature: true })`		"temperature":${PAD}${slot('temperature')},`
  if (f.maxTokens) add({ maxTokens: true })`		"${f.maxTokens}":${PAD}${slot('maxTokens')},`
  if (f.topP) add({ topP: true })`		"top_p":${PAD}${slot('topP')},`
  if (f.stop) add({ stop: true })`		"stop":${PAD}[]string{${slot('stop')}},`
  if (f.seed) add({ seed: true })`		"seed":${PAD}${slot('seed')},`
  if (f.reasoning) add({ reasoning: true })`		"reasoning_effort":${PAD}${slot('reasoningEffort')},`
  if (f.jsonSchema)
    add({ jsonSchema: true })`		"response_format": map[string]any{
			"type":${PAD}"json_schema",
			"json_schema": map[string]any{
				"name":${PAD}"answer",
				"strict":${PAD}true,
				"schema": map[string]any{
					"type":${PAD}"object",
					"properties":${PAD}map[string]any{"answer": map[string]string{"type": "string"}},
					"required":${PAD}[]string{"answer"},
					"additionalProperties":${PAD}false,
				},
			},
		},`
  if (f.tools) {
    add({ tools: true })`		"tools": []map[string]any{{
			"type":${PAD}"function",
			"function": map[string]any{
				"name":${PAD}"get_weather",
				"description":${PAD}"Get the current weather in a city",
				"parameters": map[string]any{
					"type":${PAD}"object",
					"properties":${PAD}map[string]any{"city": map[string]string{"type": "string"}},
					"required":${PAD}[]string{"city"},
				},
			},
		}},`
    if (f.toolChoice) add({ tools: true })`		"tool_choice":${PAD}"auto",`
  }
  if (f.stream) add({ stream: true })`		"stream":${PAD}true,`
  line`	})
	if err != nil {
		panic(err)
	}
	req, err := http.NewRequest("POST", ${slot('url')}, bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv(${slot('keyEnv')}))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		text, _ := io.ReadAll(resp.Body)
		fmt.Fprintln(os.Stderr, resp.Status, string(text))
		os.Exit(1)
	}
`
  add({ stream: false })`	var completion struct {
		Choices []struct {
			Message struct {
				Content   string
				ToolCalls []struct {
					Function struct{ Name, Arguments string }
				} \`json:"tool_calls"\`
			}
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&completion); err != nil {
		panic(err)
	}
	if len(completion.Choices) == 0 {
		panic("no choices in the response")
	}
	message := completion.Choices[0].Message
	for _, call := range message.ToolCalls {
		fmt.Printf("tool call: %s(%s)\\n", call.Function.Name, call.Function.Arguments)
	}
	if message.Content != "" || len(message.ToolCalls) == 0 {
		fmt.Println(message.Content)
	}`
  if (f.stream)
    add({ stream: true })`	// Server-sent events: "data: {json}" lines, then "data: [DONE]"
	scanner := bufio.NewScanner(resp.Body)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		if !strings.HasPrefix(line, "data:") {
			continue
		}
		data := strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		if data == "[DONE]" {
			break
		}
		var chunk struct {
			Choices []struct {
				Delta struct {
					Content   string
					ToolCalls []struct {
						Function struct{ Name, Arguments string }
					} \`json:"tool_calls"\`
				}
			}
			Error *struct{ Message string }
		}
		if err := json.Unmarshal([]byte(data), &chunk); err != nil {
			panic(err)
		}
		if chunk.Error != nil {
			fmt.Fprintln(os.Stderr, chunk.Error.Message)
			os.Exit(1)
		}
		for _, choice := range chunk.Choices {
			fmt.Print(choice.Delta.Content)
			for _, call := range choice.Delta.ToolCalls {
				if call.Function.Name != "" {
					fmt.Printf("\\ntool call: %s ", call.Function.Name)
				}
				fmt.Print(call.Function.Arguments)
			}
		}
	}
	if err := scanner.Err(); err != nil {
		panic(err)
	}
	fmt.Println()`
  line`}`
  return lines
}
