// Starts GOV.UK Frontend's components on every page (a file: the CSP allows no inline script).
import { initAll } from '../govuk/govuk-frontend.min.js';

initAll();
