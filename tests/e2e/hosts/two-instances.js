// The second instance, mounted from script with options (docs/embedding.md).
import { mount } from './embed.js';

window.second = mount(document.getElementById('second'), {
  id: 'tweede',
  lang: 'en',
  scenario: {
    format: 'routewijzer-scenario/1',
    location: { gemeente: 'GM0855' },
    activities: [{ activity: 'kappen', verzoektype: 'melding' }],
    configuration: 'voorbeeld-noord-brabant',
  },
});
