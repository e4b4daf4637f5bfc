'use client'

import type { ComponentProps } from 'react'

import { DeferredIsland, defineIsland } from '@/components/ui/deferred-island'

import type { CostCalculator } from './cost-calculator'

const calculator = defineIsland(() => import('./cost-calculator').then((m) => m.CostCalculator))

/** The cost calculator, live once the reader gets near it or first uses it (components/ui/deferred-island.tsx). */
export function CostCalculatorIsland(props: ComponentProps<typeof CostCalculator>) {
  return <DeferredIsland island={calculator} props={props} />
}
