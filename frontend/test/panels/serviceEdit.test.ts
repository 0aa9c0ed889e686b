import { describe, expect, it } from 'vitest';
import { requestFor } from '../../src/commands/commands';
import { acceptedMessage, releasedPorts, applied, applying, cancelEdit, changeDraft, field, startEdit, VIEWING } from '../../src/panels/serviceEdit';

const LIVE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  healthCheckNodePort: 31234
  ports:
  - port: 80
    nodePort: 30080
`;

describe('the Service editor', () => {
	it('starts from the live YAML and keeps the draft apart from it', () => {
		const editing = changeDraft(startEdit(LIVE), LIVE.replace('Local', 'Cluster'));
		expect(editing).toMatchObject({ mode: 'edit', base: LIVE, sending: false });
		expect(editing.mode === 'edit' && editing.draft).toContain('externalTrafficPolicy: Cluster');
		expect(changeDraft(VIEWING, 'x')).toBe(VIEWING);
		expect(cancelEdit()).toEqual(VIEWING);
	});

	it('sends nothing for an unchanged draft', () => {
		expect(applying(startEdit(LIVE))).toEqual({ mode: 'view', message: 'No changes made: the Service is as it was.' });
	});

	it('keeps the draft and shows the API server refusal word for word', () => {
		const sending = applying(changeDraft(startEdit(LIVE), LIVE.replace('31234', '32000')));
		expect(sending).toMatchObject({ mode: 'edit', sending: true });
		const message = 'Service "web" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable';
		const refused = applied(sending, { ok: false, message });
		expect(refused).toMatchObject({ mode: 'edit', sending: false, message });
		expect(refused.mode === 'edit' && refused.draft).toContain('healthCheckNodePort: 32000');
	});

	it('returns to the live view when accepted, naming the port the server says was released', () => {
		const sending = applying(changeDraft(startEdit(LIVE), LIVE.replace('Local', 'Cluster')));
		const accepted = applied(sending, { ok: true, body: { released: [31234], allocated: [] } });
		expect(accepted.mode).toBe('view');
		expect(accepted.message).toBe('Applied. The API server released healthCheckNodePort 31234; changed lines are marked.');
	});

	it('says only that the update was stored when the server released nothing', () => {
		expect(acceptedMessage(LIVE, [])).toBe('Applied. The API server stored the update; changed lines are marked.');
		const sending = applying(changeDraft(startEdit(LIVE), LIVE.replace('None', 'ClientIP')));
		expect(applied(sending, { ok: true }).message).not.toContain('released');
		expect(releasedPorts({ released: ['x', 30080] })).toEqual([30080]);
		expect(acceptedMessage(LIVE, [30080])).toContain('released port 30080');
	});

	it('reads top-level spec fields as kubectl writes them', () => {
		expect(field(LIVE, 'externalTrafficPolicy')).toBe('Local');
		expect(field(LIVE, 'healthCheckNodePort')).toBe('31234');
		expect(field(LIVE, 'nodePort')).toBeNull();
		expect(field('  type: "LoadBalancer"', 'type')).toBe('LoadBalancer');
	});

	it('sends the edit as YAML to PUT .../service', () => {
		expect(requestFor('/api/v1/sandboxes/a', { kind: 'edit-service', body: LIVE })).toEqual({
			method: 'PUT', path: '/api/v1/sandboxes/a/service', body: LIVE, contentType: 'application/yaml',
		});
	});
});
