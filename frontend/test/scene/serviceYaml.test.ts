import { describe, expect, it } from 'vitest';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { readService, updateService } from '../../src/scene/service';
import { changedLines, serviceYaml } from '../../src/scene/serviceYaml';
import { snapshot } from './fixtures';

describe('serviceYaml', () => {
	const service = sceneFromSnapshot(snapshot()).service;

	it('writes the Service in Kubernetes spelling', () => {
		expect(serviceYaml(service)).toBe([
			'apiVersion: v1',
			'kind: Service',
			'metadata:',
			'  name: web',
			'  namespace: default',
			'spec:',
			'  type: LoadBalancer',
			'  selector:',
			'    app: web',
			'  ports:',
			'  - name: http',
			'    protocol: TCP',
			'    port: 80',
			'    targetPort: 8080',
			'    nodePort: 31426',
			'  clusterIP: 10.101.253.78',
			'  externalTrafficPolicy: Local',
			'  healthCheckNodePort: 30273',
			'  internalTrafficPolicy: Cluster',
			'  sessionAffinity: None',
			'status:',
			'  loadBalancer:',
			'    ingress:',
			'    - ip: 198.51.100.10',
		].join('\n'));
	});

	it('follows a policy toggle and marks the changed lines', () => {
		const before = serviceYaml(service);
		const after = serviceYaml(updateService(service, 'spec.externalTrafficPolicy', 'Cluster', 0));
		expect(after).toContain('externalTrafficPolicy: Cluster');
		expect(after).not.toContain('healthCheckNodePort');
		expect(changedLines(before, after).map((i) => after.split('\n')[i])).toEqual(['  externalTrafficPolicy: Cluster']);
		expect(changedLines(null, after)).toEqual([]);
	});

	it('keeps the server’s spelling of every enumerated field', () => {
		const read = readService({ type: 'NodePort', sessionAffinity: 'ClientIP', trafficDistribution: 'PreferSameZone',
			externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster' });
		expect([read.type, read.sessionAffinity, read.trafficDistribution, read.externalTrafficPolicy, read.internalTrafficPolicy])
			.toEqual(['NodePort', 'ClientIP', 'PreferSameZone', 'Local', 'Cluster']);
		expect(updateService(read, 'spec.type', 'LoadBalancer', 0).type).toBe('LoadBalancer');
	});
});
