// The Service: a field the API server accepted, and the whole Service as YAML as the server wrote it afterwards.
import { updateService } from '../service';
import type { Reducers } from './draft';

export const serviceReducers: Reducers<'ServiceUpdated'> = {
	ServiceUpdated: (draft, event) => {
		draft.service = updateService(draft.service, event.field, event.to, event.healthCheckNodePort);
		if (event.field === 'status.loadBalancer.ingress') {
			// the AWS NLB publishes a hostname, MetalLB an IP
			const ip = /^[0-9.]+$|:/.test(event.to);
			draft.loadBalancerHostname = ip || event.to === '' ? null : event.to;
			draft.service = { ...draft.service, loadBalancerIps: ip ? [event.to] : [] };
		}
		draft.serviceYaml = event.serviceYaml ?? draft.serviceYaml;
	},
};
