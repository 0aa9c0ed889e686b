import { describe, expect, it } from 'vitest';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { apiSpelling, updateService } from '../../src/scene/service';
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

	it('spells enum names as the API does', () => {
		expect(['LOAD_BALANCER', 'CLIENT_IP', 'NODE_PORT', 'PREFER_SAME_ZONE', 'Local'].map(apiSpelling))
			.toEqual(['LoadBalancer', 'ClientIP', 'NodePort', 'PreferSameZone', 'Local']);
	});
});
