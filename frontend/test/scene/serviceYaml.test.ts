import { describe, expect, it } from 'vitest';
import { changedLines, yamlText } from '../../src/panels/serviceYaml';
import { applyEvent } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { readService, updateService } from '../../src/scene/service';
import { SERVICE_YAML, SERVICE_YAML_CLUSTER, snapshot } from './fixtures';

describe('serviceYaml', () => {
	it('shows the Service as the server wrote it', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(scene.serviceYaml).toBe(SERVICE_YAML);
		expect(yamlText(scene.serviceYaml).split('\n')).toEqual(SERVICE_YAML.trimEnd().split('\n'));
		expect(yamlText(scene.serviceYaml)).toContain('  externalTrafficPolicy: Local\n  healthCheckNodePort: 30273');
	});

	it('follows a policy toggle and marks the changed lines', () => {
		const scene = sceneFromSnapshot(snapshot());
		const before = yamlText(scene.serviceYaml);
		const toggled = applyEvent(scene, {
			type: 'ServiceUpdated', time: 1, field: 'spec.externalTrafficPolicy', from: 'Local', to: 'Cluster',
			healthCheckNodePort: 0, serviceYaml: SERVICE_YAML_CLUSTER,
		});
		const after = yamlText(toggled.serviceYaml);
		expect(after).toContain('externalTrafficPolicy: Cluster');
		expect(after).not.toContain('healthCheckNodePort');
		expect(changedLines(before, after).map((i) => after.split('\n')[i])).toEqual(['  externalTrafficPolicy: Cluster']);
		expect(changedLines(null, after)).toEqual([]);
		const untold = applyEvent(toggled, {
			type: 'ServiceUpdated', time: 2, field: 'spec.sessionAffinity', from: 'None', to: 'ClientIP',
			healthCheckNodePort: 0, serviceYaml: null,
		});
		expect(untold.serviceYaml).toBe(SERVICE_YAML_CLUSTER);
	});

	it('keeps the server’s spelling of every enumerated field', () => {
		const read = readService({ type: 'NodePort', sessionAffinity: 'ClientIP', trafficDistribution: 'PreferSameZone',
			externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster' });
		expect([read.type, read.sessionAffinity, read.trafficDistribution, read.externalTrafficPolicy, read.internalTrafficPolicy])
			.toEqual(['NodePort', 'ClientIP', 'PreferSameZone', 'Local', 'Cluster']);
		expect(updateService(read, 'spec.type', 'LoadBalancer', 0).type).toBe('LoadBalancer');
	});
});
