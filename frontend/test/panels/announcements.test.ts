import { describe, expect, it } from 'vitest';
import { announcements } from '../../src/panels/announcements';
import { applyEvent, applyStatistics } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { snapshot, statistics } from '../scene/fixtures';

describe('announcements', () => {
	const scene = applyStatistics(sceneFromSnapshot(snapshot()), statistics());

	it('say nothing when nothing that matters changed', () => {
		expect(announcements(scene, applyStatistics(scene, statistics()))).toEqual([]);
		expect(announcements(null, scene)).toEqual([]);
	});

	it('tell a new health answer and a new LB verdict', () => {
		const next = applyEvent(scene, {
			type: 'ProbeAnswered', time: 1, node: 'n2', pod: null, target: 'x', status: 503, body: '', answer: 'http', passed: false,
			verdict: 'unhealthy', consecutive: 2, threshold: 2,
		});
		expect(announcements(scene, next)).toEqual([
			"n2's health check now answers 503.",
			'The load balancer now counts n2 as unhealthy: it sends no new connections there.',
		]);
	});

	it('tell the new exact shares', () => {
		const message = statistics();
		const changed = { ...message, statistics: { ...message.statistics, pods: [{ ...message.statistics.pods[0], exactShare: '1/4' }] } };
		expect(announcements(scene, applyStatistics(scene, changed))).toEqual(['Exact shares now: web-4 1/4.']);
	});

	it('tell a policy toggle and a new simulation', () => {
		const toggled = applyEvent(scene, {
			type: 'ServiceUpdated', time: 1, field: 'spec.externalTrafficPolicy', from: 'Cluster', to: 'Local',
			healthCheckNodePort: 30000, serviceYaml: null,
		});
		expect(announcements(scene, toggled)).toEqual(['externalTrafficPolicy is now Local.']);
		expect(announcements(scene, { ...scene, generation: 1 })).toEqual(['A new simulation started from the preset uneven-3-1-0.']);
	});
});
