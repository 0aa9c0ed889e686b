// The Service: a field the API server accepted, and the whole Service as YAML as the server wrote it afterwards.
import { updateService } from '../service';
import type { Reducers } from './draft';

export const serviceReducers: Reducers<'ServiceUpdated'> = {
	ServiceUpdated: (draft, event) => {
		draft.service = updateService(draft.service, event.field, event.to, event.healthCheckNodePort);
		draft.serviceYaml = event.serviceYaml ?? draft.serviceYaml;
	},
};
