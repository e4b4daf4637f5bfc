import { Counter } from './counter'

const rows = Array.from({ length: 150 }, (_, i) => ({
  id: `vendor-${i % 12}/model-${i}`,
  input: ((i * 37) % 100) / 10,
  output: ((i * 53) % 300) / 10,
  context: 8192 * (1 + (i % 16)),
}))

export default function Page() {
  return (
    <main>
      <h1>Bare Next 16 page</h1>
      <p>One client button and a static 150-row table: what React and Next cost with nothing else on the page.</p>
      <Counter />
      <table>
        <thead>
          <tr>
            <th>Model</th>
            <th>Input (USD / 1M)</th>
            <th>Output (USD / 1M)</th>
            <th>Context</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{r.input.toFixed(2)}</td>
              <td>{r.output.toFixed(2)}</td>
              <td>{r.context}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}
