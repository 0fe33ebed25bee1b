/**
 * Daylight-saving behaviour of the calendar, in whatever time zone this
 * machine runs (the Tokyo twin runs the same scenario in another zone).
 */
import { dstScenario } from '../support/dst-scenario';

dstScenario();
