// Generated from docs/openapi.json by `npm run api:types` (openapi-typescript): do not edit.
export interface paths {
  '/api/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find people by name (tolerant of misspellings) or by identifier
     * @description Access policy action `nominal.search`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query: {
          /** @description A name, or a PNC ID, CRO number, prison number, CRN or Vigil reference */
          q: string;
          /** @description YYYY-MM-DD */
          dateOfBirth?: string | null;
          /** @description MAPPA area code, e.g. AVS */
          area?: string | null;
          /** @description Page number, from 1 (at most 500) */
          page?: number;
          /** @description Search every area (people whose roles allow justified access only: never an API token); needs `reason` */
          allAreas?: boolean;
          /** @description Why you are searching outside your scope (logged and reviewed) */
          reason?: string | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              query: {
                q: string;
                dateOfBirth: string | null;
                area: string | null;
                page: number;
                allAreas: boolean;
              };
              /** @description Set when the search was an identifier, matched exactly */
              matchedIdentifier: {
                type: string;
                value: string;
              } | null;
              total: number;
              /** @description True when people matching only one of the names typed were capped: total is then "about" (every person matching both names is always counted) */
              totalIsEstimate: boolean;
              page: number;
              pageSize: number;
              results: {
                /** Format: uuid */
                id: string;
                vigilRef: string;
                name: string;
                matchedAlias: string | null;
                /** Format: date */
                dateOfBirth: string;
                areaCode: string;
                areaName: string;
                mappaCategory: number | null;
                mappaLevel: number | null;
                score: number;
                /** @description Town of the current home address (null outside your scope) */
                town: string | null;
                /** @description PNC ID (null outside your scope) */
                pnc: string | null;
                /** @description Current named managers (empty outside your scope) */
                managers: {
                  name: string;
                  agencyName: string;
                  role: string;
                  roleLabel: string;
                }[];
                /** @description False: outside your scope; a person may open it with POST /nominals/{id}/justified-access (a token may not) */
                inScope: boolean;
              }[];
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/relationships/{rowId}/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where the person in this relationship lives and has lived, newest first
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              relationship: {
                /** Format: uuid */
                id: string;
                type: string;
                personName: string;
              };
              addresses: {
                /** Format: uuid */
                id: string;
                line1: string;
                line2: string | null;
                town: string | null;
                postcode: string;
                /** Format: date */
                fromDate: string;
                /** @description Its last day; null while they live there */
                toDate: string | null;
                version: number;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record where the person in this relationship lives from a day; their address before it ends the day before (kept, never overwritten)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            line1: string;
            line2?: string | null;
            town?: string | null;
            postcode: string;
            fromDate: string;
            toDate?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create the record of a person, in the caller’s area
     * @description Access policy action `nominal.create`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            forename: string;
            middleNames?: string | null;
            surname: string;
            dateOfBirth: string;
            /** @enum {string} */
            sex: 'male' | 'female' | 'not_known';
            genderIdentity?: ('same_as_sex' | 'different' | 'prefer_not_to_say' | 'not_known') | null;
            ethnicity?:
              | (
                  | 'A3'
                  | 'A4'
                  | 'A1'
                  | 'A2'
                  | 'A9'
                  | 'B2'
                  | 'B1'
                  | 'B9'
                  | 'M3'
                  | 'M2'
                  | 'M1'
                  | 'M9'
                  | 'W1'
                  | 'W2'
                  | 'W3'
                  | 'W5'
                  | 'W9'
                  | 'O2'
                  | 'O9'
                  | 'NS'
                )
              | null;
            nationality?: string | null;
            disability?: ('yes' | 'no' | 'not_stated') | null;
            religion?:
              | (
                  | 'no_religion'
                  | 'christian'
                  | 'buddhist'
                  | 'hindu'
                  | 'jewish'
                  | 'muslim'
                  | 'sikh'
                  | 'other'
                  | 'not_stated'
                )
              | null;
            sexualOrientation?:
              ('straight' | 'gay_or_lesbian' | 'bisexual' | 'other' | 'prefer_not_to_say') | null;
            language?: string | null;
            interpreterNeeded?: boolean | null;
            identifiers?: {
              /** @enum {unknown} */
              type: 'pnc' | 'cro' | 'prison_number' | 'crn';
              value: string;
            }[];
            /** @description Send true once you have checked the possible duplicates a 409 answer listed (`candidates`) and this is a different person */
            confirmedNotDuplicate?: boolean;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              vigilRef: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Possible duplicate: `candidates` lists people already recorded with a similar name and the same date of birth, or one of the identifiers (those outside your scope only as `{ "inScope": false }`). Nothing was written; check them, then send `confirmedNotDuplicate: true` if this is a different person */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The whole record of one person: identity, identifiers, addresses, relationships, convictions, risk, markers, managers
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              vigilRef: string;
              /** @description Send it back with an edit of identity, lead agency or case dates */
              version: number;
              areaCode: string;
              areaName: string;
              leadAgencyId: string | null;
              leadAgencyName: string | null;
              mappaCategory: number | null;
              mappaLevel: number | null;
              age: number;
              identity: {
                forename: string;
                middleNames?: string | null;
                surname: string;
                dateOfBirth: string;
                /** @enum {string} */
                sex: 'male' | 'female' | 'not_known';
                genderIdentity?: ('same_as_sex' | 'different' | 'prefer_not_to_say' | 'not_known') | null;
                ethnicity?:
                  | (
                      | 'A3'
                      | 'A4'
                      | 'A1'
                      | 'A2'
                      | 'A9'
                      | 'B2'
                      | 'B1'
                      | 'B9'
                      | 'M3'
                      | 'M2'
                      | 'M1'
                      | 'M9'
                      | 'W1'
                      | 'W2'
                      | 'W3'
                      | 'W5'
                      | 'W9'
                      | 'O2'
                      | 'O9'
                      | 'NS'
                    )
                  | null;
                nationality?: string | null;
                disability?: ('yes' | 'no' | 'not_stated') | null;
                religion?:
                  | (
                      | 'no_religion'
                      | 'christian'
                      | 'buddhist'
                      | 'hindu'
                      | 'jewish'
                      | 'muslim'
                      | 'sikh'
                      | 'other'
                      | 'not_stated'
                    )
                  | null;
                sexualOrientation?:
                  ('straight' | 'gay_or_lesbian' | 'bisexual' | 'other' | 'prefer_not_to_say') | null;
                language?: string | null;
                interpreterNeeded?: boolean | null;
              };
              aliases: {
                [key: string]: unknown;
              }[];
              identifiers: {
                [key: string]: unknown;
              }[];
              /** @description Each with isCurrent */
              addresses: {
                [key: string]: unknown;
              }[];
              currentAddress: {
                [key: string]: unknown;
              } | null;
              proposedReleaseAddress: {
                [key: string]: unknown;
              } | null;
              /** @description Each with isCurrent */
              relationships: {
                [key: string]: unknown;
              }[];
              childrenInHousehold: boolean;
              /** @description Each with offenceClassification: whether the offence is on the reference list, and its flags */
              convictions: {
                [key: string]: unknown;
              }[];
              /** @description Civil orders (SHPOs, notification orders, CTA notification orders), each with isInForce */
              orders: {
                [key: string]: unknown;
              }[];
              /** @description A Category 4 "at risk of involvement in terrorism" decision */
              terrorismRisk: {
                acceptedOn: string | null;
                endedOn: string | null;
              };
              /** @description Newest first, each with isLatest */
              riskAssessments: {
                [key: string]: unknown;
              }[];
              latestRiskAssessment: {
                [key: string]: unknown;
              } | null;
              /** @description Each with isActive */
              markers: {
                [key: string]: unknown;
              }[];
              /** @description Each with isCurrent and agencyName */
              managers: {
                [key: string]: unknown;
              }[];
              /** Format: date-time */
              updatedAt: string;
              /** @description What is not shown to you, and why */
              withheld: string[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every change to the record, newest first (50 a page, with the total), filtered by type, agency and dates
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page number, from 1 */
          page?: number;
          /** @description Only this kind of change: identity, lead-agency, case-dates, terrorism-risk, aliases, identifiers, addresses, relationships, convictions, orders, risk-assessments, markers, managers, levels, referrals, meetings, actions, risk-management-plan, prison-reports */
          type?:
            | 'identity'
            | 'lead-agency'
            | 'case-dates'
            | 'terrorism-risk'
            | 'aliases'
            | 'identifiers'
            | 'addresses'
            | 'relationships'
            | 'convictions'
            | 'orders'
            | 'risk-assessments'
            | 'markers'
            | 'managers'
            | 'levels'
            | 'referrals'
            | 'meetings'
            | 'actions'
            | 'risk-management-plan'
            | 'prison-reports';
          /** @description Only changes made by users of this agency (its id) */
          agency?: string;
          /** @description Changes from, YYYY-MM-DD (London time) */
          from?: string;
          /** @description Changes to, YYYY-MM-DD (London time) */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              page: number;
              pageSize: number;
              /** @description How many changes match the filters */
              total: number;
              hasMore: boolean;
              /** @description The agencies whose users changed this record (the choices of the agency filter) */
              agencies: {
                /** Format: uuid */
                id: string;
                name: string;
              }[];
              entries: {
                /** Format: date-time */
                at: string;
                by: string;
                agency: string;
                section: string;
                /** @enum {string} */
                action: 'created' | 'updated' | 'ended' | 'removed';
                summary: string;
                /** @description Each changed field, before and after, in words: dates as 5 December 2026, people and agencies by name */
                changes: {
                  field: string;
                  before: string | null;
                  after: string | null;
                }[];
              }[];
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/identity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change the identity
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            forename: string;
            middleNames?: string | null;
            surname: string;
            dateOfBirth: string;
            /** @enum {string} */
            sex: 'male' | 'female' | 'not_known';
            genderIdentity?: ('same_as_sex' | 'different' | 'prefer_not_to_say' | 'not_known') | null;
            ethnicity?:
              | (
                  | 'A3'
                  | 'A4'
                  | 'A1'
                  | 'A2'
                  | 'A9'
                  | 'B2'
                  | 'B1'
                  | 'B9'
                  | 'M3'
                  | 'M2'
                  | 'M1'
                  | 'M9'
                  | 'W1'
                  | 'W2'
                  | 'W3'
                  | 'W5'
                  | 'W9'
                  | 'O2'
                  | 'O9'
                  | 'NS'
                )
              | null;
            nationality?: string | null;
            disability?: ('yes' | 'no' | 'not_stated') | null;
            religion?:
              | (
                  | 'no_religion'
                  | 'christian'
                  | 'buddhist'
                  | 'hindu'
                  | 'jewish'
                  | 'muslim'
                  | 'sikh'
                  | 'other'
                  | 'not_stated'
                )
              | null;
            sexualOrientation?:
              ('straight' | 'gay_or_lesbian' | 'bisexual' | 'other' | 'prefer_not_to_say') | null;
            language?: string | null;
            interpreterNeeded?: boolean | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/lead-agency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change the lead agency
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            leadAgencyId: string;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/case-dates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change the case dates
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            firstAppointmentOn?: string | null;
            rotlFirstReleaseOn?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/terrorism-risk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change the category 4 terrorism risk decision
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            terrorismRiskAcceptedOn?: string | null;
            terrorismRiskEndedOn?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/aliases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the aliases
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              forename: string;
              surname: string;
              dateOfBirth?: string | null;
              fromDate?: string | null;
              toDate?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add an alias
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            forename: string;
            surname: string;
            dateOfBirth?: string | null;
            fromDate?: string | null;
            toDate?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/aliases/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One alias
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              forename: string;
              surname: string;
              dateOfBirth?: string | null;
              fromDate?: string | null;
              toDate?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change an alias (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            forename: string;
            surname: string;
            dateOfBirth?: string | null;
            fromDate?: string | null;
            toDate?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/identifiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the identifiers
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type: 'pnc' | 'cro' | 'prison_number' | 'crn';
              value: string;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add an identifier
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type: 'pnc' | 'cro' | 'prison_number' | 'crn';
            value: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/identifiers/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One identifier
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type: 'pnc' | 'cro' | 'prison_number' | 'crn';
              value: string;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change an identifier (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type: 'pnc' | 'cro' | 'prison_number' | 'crn';
            value: string;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the addresses
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type: 'home' | 'approved_premises' | 'hostel' | 'no_fixed_abode' | 'proposed_release';
              line1?: string | null;
              line2?: string | null;
              town?: string | null;
              postcode?: unknown | null;
              fromDate: string;
              toDate?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add an address
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type: 'home' | 'approved_premises' | 'hostel' | 'no_fixed_abode' | 'proposed_release';
            line1?: string | null;
            line2?: string | null;
            town?: string | null;
            postcode?: string | null;
            fromDate: string;
            toDate?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/addresses/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One address
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type: 'home' | 'approved_premises' | 'hostel' | 'no_fixed_abode' | 'proposed_release';
              line1?: string | null;
              line2?: string | null;
              town?: string | null;
              postcode?: unknown | null;
              fromDate: string;
              toDate?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change an address (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type: 'home' | 'approved_premises' | 'hostel' | 'no_fixed_abode' | 'proposed_release';
            line1?: string | null;
            line2?: string | null;
            town?: string | null;
            postcode?: string | null;
            fromDate: string;
            toDate?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/relationships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the relationships
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type: 'partner' | 'ex_partner' | 'child' | 'household_member' | 'associate' | 'victim';
              personName: string;
              dateOfBirth?: string | null;
              isChild: boolean;
              inHousehold: boolean;
              fromDate?: string | null;
              toDate?: string | null;
              notes?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a relationship
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type: 'partner' | 'ex_partner' | 'child' | 'household_member' | 'associate' | 'victim';
            personName: string;
            dateOfBirth?: string | null;
            isChild: boolean;
            inHousehold: boolean;
            fromDate?: string | null;
            toDate?: string | null;
            notes?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/relationships/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One relationship
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type: 'partner' | 'ex_partner' | 'child' | 'household_member' | 'associate' | 'victim';
              personName: string;
              dateOfBirth?: string | null;
              isChild: boolean;
              inHousehold: boolean;
              fromDate?: string | null;
              toDate?: string | null;
              notes?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change a relationship (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type: 'partner' | 'ex_partner' | 'child' | 'household_member' | 'associate' | 'victim';
            personName: string;
            dateOfBirth?: string | null;
            isChild: boolean;
            inHousehold: boolean;
            fromDate?: string | null;
            toDate?: string | null;
            notes?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/convictions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the offences and sentences
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              offence: string;
              offenceDate?: string | null;
              convictionDate: string;
              court?: string | null;
              /** @enum {string} */
              outcome:
                | 'custody'
                | 'suspended_sentence'
                | 'community_order'
                | 'hospital_order'
                | 'hospital_order_restricted'
                | 'guardianship'
                | 'caution'
                | 'conditional_discharge'
                | 'absolute_discharge'
                | 'fine'
                | 'other';
              sentenceType?:
                ('determinate' | 'life' | 'ipp' | 'dpp' | 'hmp' | 'extended' | 'sopc' | 'dto') | null;
              lengthMonths?: number | null;
              lengthDays?: number | null;
              extensionMonths?: number | null;
              operationalMonths?: number | null;
              supervisionMonths?: number | null;
              consecutiveTo?: string | null;
              terroristConnection?: boolean | null;
              victimAge?: ('under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim') | null;
              isIndexOffence: boolean;
              sentenceStart?: string | null;
              conditionalReleaseDate?: string | null;
              paroleEligibilityDate?: string | null;
              hdcEligibilityDate?: string | null;
              licenceExpiryDate?: string | null;
              sentenceExpiryDate?: string | null;
              actualReleaseDate?: string | null;
              disposalEndedOn?: string | null;
              notificationEndedOn?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a conviction
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            offence: string;
            offenceDate?: string | null;
            convictionDate: string;
            court?: string | null;
            /** @enum {string} */
            outcome:
              | 'custody'
              | 'suspended_sentence'
              | 'community_order'
              | 'hospital_order'
              | 'hospital_order_restricted'
              | 'guardianship'
              | 'caution'
              | 'conditional_discharge'
              | 'absolute_discharge'
              | 'fine'
              | 'other';
            sentenceType?:
              ('determinate' | 'life' | 'ipp' | 'dpp' | 'hmp' | 'extended' | 'sopc' | 'dto') | null;
            lengthMonths?: number | null;
            lengthDays?: number | null;
            extensionMonths?: number | null;
            operationalMonths?: number | null;
            supervisionMonths?: number | null;
            consecutiveTo?: string | null;
            terroristConnection?: boolean | null;
            victimAge?: ('under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim') | null;
            isIndexOffence: boolean;
            sentenceStart?: string | null;
            conditionalReleaseDate?: string | null;
            paroleEligibilityDate?: string | null;
            hdcEligibilityDate?: string | null;
            licenceExpiryDate?: string | null;
            sentenceExpiryDate?: string | null;
            actualReleaseDate?: string | null;
            disposalEndedOn?: string | null;
            notificationEndedOn?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/convictions/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One conviction
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              offence: string;
              offenceDate?: string | null;
              convictionDate: string;
              court?: string | null;
              /** @enum {string} */
              outcome:
                | 'custody'
                | 'suspended_sentence'
                | 'community_order'
                | 'hospital_order'
                | 'hospital_order_restricted'
                | 'guardianship'
                | 'caution'
                | 'conditional_discharge'
                | 'absolute_discharge'
                | 'fine'
                | 'other';
              sentenceType?:
                ('determinate' | 'life' | 'ipp' | 'dpp' | 'hmp' | 'extended' | 'sopc' | 'dto') | null;
              lengthMonths?: number | null;
              lengthDays?: number | null;
              extensionMonths?: number | null;
              operationalMonths?: number | null;
              supervisionMonths?: number | null;
              consecutiveTo?: string | null;
              terroristConnection?: boolean | null;
              victimAge?: ('under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim') | null;
              isIndexOffence: boolean;
              sentenceStart?: string | null;
              conditionalReleaseDate?: string | null;
              paroleEligibilityDate?: string | null;
              hdcEligibilityDate?: string | null;
              licenceExpiryDate?: string | null;
              sentenceExpiryDate?: string | null;
              actualReleaseDate?: string | null;
              disposalEndedOn?: string | null;
              notificationEndedOn?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change a conviction (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            offence: string;
            offenceDate?: string | null;
            convictionDate: string;
            court?: string | null;
            /** @enum {string} */
            outcome:
              | 'custody'
              | 'suspended_sentence'
              | 'community_order'
              | 'hospital_order'
              | 'hospital_order_restricted'
              | 'guardianship'
              | 'caution'
              | 'conditional_discharge'
              | 'absolute_discharge'
              | 'fine'
              | 'other';
            sentenceType?:
              ('determinate' | 'life' | 'ipp' | 'dpp' | 'hmp' | 'extended' | 'sopc' | 'dto') | null;
            lengthMonths?: number | null;
            lengthDays?: number | null;
            extensionMonths?: number | null;
            operationalMonths?: number | null;
            supervisionMonths?: number | null;
            consecutiveTo?: string | null;
            terroristConnection?: boolean | null;
            victimAge?: ('under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim') | null;
            isIndexOffence: boolean;
            sentenceStart?: string | null;
            conditionalReleaseDate?: string | null;
            paroleEligibilityDate?: string | null;
            hdcEligibilityDate?: string | null;
            licenceExpiryDate?: string | null;
            sentenceExpiryDate?: string | null;
            actualReleaseDate?: string | null;
            disposalEndedOn?: string | null;
            notificationEndedOn?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the orders
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind:
                | 'shpo'
                | 'interim_shpo'
                | 'notification_order'
                | 'interim_notification_order'
                | 'cta_notification_order'
                | 'restraining_order';
              madeOn: string;
              court?: string | null;
              endsOn?: string | null;
              foreignConvictionDate?: string | null;
              foreignOutcome?:
                | (
                    | 'custody'
                    | 'suspended_sentence'
                    | 'community_order'
                    | 'hospital_order'
                    | 'hospital_order_restricted'
                    | 'guardianship'
                    | 'caution'
                    | 'conditional_discharge'
                    | 'absolute_discharge'
                    | 'fine'
                    | 'other'
                  )
                | null;
              foreignLengthMonths?: number | null;
              exclusionZone?: string | null;
              notes?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add an order
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind:
              | 'shpo'
              | 'interim_shpo'
              | 'notification_order'
              | 'interim_notification_order'
              | 'cta_notification_order'
              | 'restraining_order';
            madeOn: string;
            court?: string | null;
            endsOn?: string | null;
            foreignConvictionDate?: string | null;
            foreignOutcome?:
              | (
                  | 'custody'
                  | 'suspended_sentence'
                  | 'community_order'
                  | 'hospital_order'
                  | 'hospital_order_restricted'
                  | 'guardianship'
                  | 'caution'
                  | 'conditional_discharge'
                  | 'absolute_discharge'
                  | 'fine'
                  | 'other'
                )
              | null;
            foreignLengthMonths?: number | null;
            exclusionZone?: string | null;
            notes?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/orders/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One order
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind:
                | 'shpo'
                | 'interim_shpo'
                | 'notification_order'
                | 'interim_notification_order'
                | 'cta_notification_order'
                | 'restraining_order';
              madeOn: string;
              court?: string | null;
              endsOn?: string | null;
              foreignConvictionDate?: string | null;
              foreignOutcome?:
                | (
                    | 'custody'
                    | 'suspended_sentence'
                    | 'community_order'
                    | 'hospital_order'
                    | 'hospital_order_restricted'
                    | 'guardianship'
                    | 'caution'
                    | 'conditional_discharge'
                    | 'absolute_discharge'
                    | 'fine'
                    | 'other'
                  )
                | null;
              foreignLengthMonths?: number | null;
              exclusionZone?: string | null;
              notes?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change an order (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind:
              | 'shpo'
              | 'interim_shpo'
              | 'notification_order'
              | 'interim_notification_order'
              | 'cta_notification_order'
              | 'restraining_order';
            madeOn: string;
            court?: string | null;
            endsOn?: string | null;
            foreignConvictionDate?: string | null;
            foreignOutcome?:
              | (
                  | 'custody'
                  | 'suspended_sentence'
                  | 'community_order'
                  | 'hospital_order'
                  | 'hospital_order_restricted'
                  | 'guardianship'
                  | 'caution'
                  | 'conditional_discharge'
                  | 'absolute_discharge'
                  | 'fine'
                  | 'other'
                )
              | null;
            foreignLengthMonths?: number | null;
            exclusionZone?: string | null;
            notes?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/risk-assessments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the risk assessments
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assessedOn: string;
              assessor: string;
              /** @enum {string} */
              roshOverall: 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';
              roshChildren?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshPublic?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshKnownAdult?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshStaff?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshPrisoners?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              rm2000?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              ospScore?: number | null;
              ospBand?: ('low' | 'medium' | 'high' | 'very_high') | null;
              rsrScore?: number | null;
              rsrBand?: ('low' | 'medium' | 'high' | 'very_high') | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a risk assessment
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            assessedOn: string;
            assessor: string;
            /** @enum {string} */
            roshOverall: 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';
            roshChildren?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
            roshPublic?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
            roshKnownAdult?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
            roshStaff?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
            roshPrisoners?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
            rm2000?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
            ospScore?: number | null;
            ospBand?: ('low' | 'medium' | 'high' | 'very_high') | null;
            rsrScore?: number | null;
            rsrBand?: ('low' | 'medium' | 'high' | 'very_high') | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/risk-assessments/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One risk assessment
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assessedOn: string;
              assessor: string;
              /** @enum {string} */
              roshOverall: 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';
              roshChildren?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshPublic?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshKnownAdult?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshStaff?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              roshPrisoners?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              rm2000?: ('LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH') | null;
              ospScore?: number | null;
              ospBand?: ('low' | 'medium' | 'high' | 'very_high') | null;
              rsrScore?: number | null;
              rsrBand?: ('low' | 'medium' | 'high' | 'very_high') | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/markers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the markers
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type:
                | 'domestic_abuse'
                | 'stalking'
                | 'child_safeguarding'
                | 'terrorism_risk'
                | 'mental_health'
                | 'gang_organised_crime'
                | 'weapons';
              startDate: string;
              endDate?: string | null;
              notes?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a marker
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type:
              | 'domestic_abuse'
              | 'stalking'
              | 'child_safeguarding'
              | 'terrorism_risk'
              | 'mental_health'
              | 'gang_organised_crime'
              | 'weapons';
            startDate: string;
            endDate?: string | null;
            notes?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/markers/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One marker
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              type:
                | 'domestic_abuse'
                | 'stalking'
                | 'child_safeguarding'
                | 'terrorism_risk'
                | 'mental_health'
                | 'gang_organised_crime'
                | 'weapons';
              startDate: string;
              endDate?: string | null;
              notes?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change a marker (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type:
              | 'domestic_abuse'
              | 'stalking'
              | 'child_safeguarding'
              | 'terrorism_risk'
              | 'mental_health'
              | 'gang_organised_crime'
              | 'weapons';
            startDate: string;
            endDate?: string | null;
            notes?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/managers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the managers
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              role: 'police_offender_manager' | 'community_offender_manager' | 'prison_offender_manager';
              name: string;
              /** Format: uuid */
              agencyId: string;
              userEmail?: string | null;
              fromDate: string;
              toDate?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a manager
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'police_offender_manager' | 'community_offender_manager' | 'prison_offender_manager';
            name: string;
            /** Format: uuid */
            agencyId: string;
            userEmail?: string | null;
            fromDate: string;
            toDate?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/managers/{rowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One manager
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              role: 'police_offender_manager' | 'community_offender_manager' | 'prison_offender_manager';
              name: string;
              /** Format: uuid */
              agencyId: string;
              userEmail?: string | null;
              fromDate: string;
              toDate?: string | null;
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change a manager (send the version you read)
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rowId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'police_offender_manager' | 'community_offender_manager' | 'prison_offender_manager';
            name: string;
            /** Format: uuid */
            agencyId: string;
            userEmail?: string | null;
            fromDate: string;
            toDate?: string | null;
            /** @description The version you read; a different current version gives 409 Conflict */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Send it back with the next edit */
              version: number;
              /** @description How many fields changed (none: nothing was written) */
              changed?: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/areas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 42 MAPPA areas
     * @description Access policy action `reference.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative, victim_liaison_officer, smb_member, lay_adviser, national_analyst, data_protection_officer, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              name: string;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agencies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Agencies (Responsible Authority and Duty to Co-operate), optionally of one area
     * @description Access policy action `reference.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative, victim_liaison_officer, smb_member, lay_adviser, national_analyst, data_protection_officer, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description MAPPA area code, e.g. AVS */
          area?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @description Responsible Authority or Duty to Co-operate agency type */
              type: string;
              areaCode: string;
            }[];
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The user behind the token
     * @description Any authenticated user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              displayName: string;
              email: string;
              /** Format: uuid */
              agencyId: string;
              agencyName: string;
              agencyType: string;
              areaCode: string;
              roles: string[];
              /**
               * Format: uuid
               * @description Set for a service account token
               */
              serviceAccountId?: string;
              tokenScope?: {
                readOnly: boolean;
                /** @description None: the user’s own scope */
                areaCodes: string[] | null;
              };
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/justified-access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a record outside your scope for 24 hours, giving a reason (logged, shown to the owning area, reviewed)
     * @description Access policy action `nominal.justified-access`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, meeting_chair. A person's decision: refused to every API token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why you need to see this record (10 to 500 characters) */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              nominalId: string;
              /**
               * Format: date-time
               * @description The access ends then
               */
              expiresAt: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/justified-accesses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Justified accesses to records your area owns, newest first (the latest 200)
     * @description Access policy action `justified-access.view-area`: mappa_coordinator, data_protection_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              grantedAt: string;
              /** Format: date-time */
              expiresAt: string;
              reason: string;
              reviewedAt: string | null;
              reviewOutcome: ('appropriate' | 'inappropriate') | null;
              userName: string;
              agencyName: string;
              vigilRef: string;
              /** Format: uuid */
              nominalId: string;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oversight/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Counts of people by MAPPA category and level (no personal data)
     * @description Access policy action `aggregates.view`: smb_member, lay_adviser, national_analyst, mappa_coordinator, senior_probation_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The area code, or England and Wales for a national analyst */
              scope: string;
              total: number;
              rows: {
                category: number | null;
                level: number | null;
                count: number;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oversight/kpis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Multi-agency KPIs over a period: meeting attendance, disclosure recorded, referrals and their ethnic groups beside the MAPPA population (small numbers not shown), reductions with an override, overdue actions and reviews (no personal data)
     * @description Access policy action `aggregates.view`: smb_member, lay_adviser, national_analyst, mappa_coordinator, senior_probation_officer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period, YYYY-MM-DD (default: 12 months before its end) */
          from?: string;
          /** @description Last day of the period, YYYY-MM-DD, not after today (default: today) */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The area code, or England and Wales for a national analyst */
              scope: string;
              period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
              };
              /** Format: date */
              today: string;
              attendance: {
                meetings: number;
                /** @description Agencies invited to the period’s meetings, counted once per meeting; attended includes substitutes */
                responsibleAuthority: {
                  invited: number;
                  attended: number;
                  percent: number | null;
                };
                /** @description Agencies invited to the period’s meetings, counted once per meeting; attended includes substitutes */
                dutyToCooperate: {
                  invited: number;
                  attended: number;
                  percent: number | null;
                };
              };
              /** @description People discussed at the period’s meetings; approved minutes (latest approved version per meeting and person); those recording disclosure considered, yes or no with why */
              disclosure: {
                discussions: number;
                approvedMinutes: number;
                recorded: {
                  count: number;
                  of: number;
                  percent: number | null;
                };
              };
              /** @description Referrals submitted in the period, and where each stands now */
              referrals: {
                submitted: number;
                accepted: {
                  level2: number;
                  level3: number;
                  total: number;
                };
                rejected: number;
                awaitingScreening: number;
                medianDaysToDecision: number | null;
                /** @description Rejections decided in the six months to the end of the period (twice-yearly review) */
                rejectedForReview: {
                  /** Format: date */
                  from: string;
                  /** Format: date */
                  to: string;
                  count: number;
                };
              };
              /** @description Referrals in the period by ONS 2021 ethnic group beside the MAPPA population. Counts below `threshold` (and one more where the total would reveal it) are null. */
              ethnicity: {
                threshold: number;
                referralsTotal: number;
                populationTotal: number;
                rows: {
                  group: string;
                  label: string;
                  referrals: number | null;
                  referralPercent: number | null;
                  population: number | null;
                  populationPercent: number | null;
                  /** @description Share of referrals ÷ share of population */
                  ratio: number | null;
                }[];
              };
              levelReductions: {
                total: number;
                withOverride: number;
              };
              actions: {
                overdue: number;
                overdueSafeguarding: number;
              };
              reviewsOverdue: {
                level1: number;
                level2: number;
                level3: number;
                total: number;
              };
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/records/{recordId}/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who viewed or changed a record, newest first (by Vigil reference or record id); logged as a consultation of the log
     * @description Access policy action `accesslog.view`: data_protection_officer.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page number, from 1 (50 entries a page) */
          page?: number;
        };
        header?: never;
        path: {
          recordId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              /** @description More entries than `total` (counting stops at 100,000) */
              totalCapped: boolean;
              page: number;
              pageSize: number;
              entries: {
                /** @description Position in the hash chain */
                seq: number;
                /** Format: date-time */
                at: string;
                userId: string | null;
                userName: string | null;
                userEmail: string | null;
                agencyName: string | null;
                roles: string[];
                serviceAccountId: string | null;
                /** @enum {string} */
                operation:
                  'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';
                recordType: string;
                recordIds: string[];
                section: string | null;
                purpose: string | null;
                /** @description As logged: user or agency ids, or names */
                recipients: string[];
                /** @description The recipients by name: a user with their agency, an agency */
                recipientNames: string[];
                sourceAddress: string | null;
                requestId: string | null;
              }[];
              subject: {
                recordId: string;
                vigilRef: string | null;
                name: string | null;
                areaCode: string | null;
              };
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/user-entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What a user viewed or changed, newest first; logged as a consultation of the log
     * @description Access policy action `accesslog.view`: data_protection_officer.
     */
    get: {
      parameters: {
        query: {
          /** @description The user’s email address */
          email: string;
          /** @description Page number, from 1 (50 entries a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              /** @description More entries than `total` (counting stops at 100,000) */
              totalCapped: boolean;
              page: number;
              pageSize: number;
              entries: {
                /** @description Position in the hash chain */
                seq: number;
                /** Format: date-time */
                at: string;
                userId: string | null;
                userName: string | null;
                userEmail: string | null;
                agencyName: string | null;
                roles: string[];
                serviceAccountId: string | null;
                /** @enum {string} */
                operation:
                  'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';
                recordType: string;
                recordIds: string[];
                section: string | null;
                purpose: string | null;
                /** @description As logged: user or agency ids, or names */
                recipients: string[];
                /** @description The recipients by name: a user with their agency, an agency */
                recipientNames: string[];
                sourceAddress: string | null;
                requestId: string | null;
                /** @description The records named, with the Vigil reference of each that is a person’s record */
                records: {
                  id: string;
                  vigilRef: string | null;
                }[];
              }[];
              user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                agencyName: string;
              };
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/justified-accesses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Justified accesses awaiting a data protection officer’s review, oldest first
     * @description Access policy action `accesslog.view`: data_protection_officer.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page number, from 1 (50 entries a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              /** @description More entries than `total` (counting stops at 100,000) */
              totalCapped: boolean;
              page: number;
              pageSize: number;
              entries: {
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                grantedAt: string;
                /** Format: date-time */
                expiresAt: string;
                reason: string;
                /** Format: uuid */
                userId: string;
                userName: string;
                userEmail: string;
                agencyName: string;
                /** Format: uuid */
                nominalId: string;
                vigilRef: string;
                owningAreaCode: string;
                owningAreaName: string | null;
                reviewedAt: string | null;
                reviewerName: string | null;
                reviewOutcome: ('appropriate' | 'inappropriate') | null;
                reviewNote: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/justified-accesses/{accessId}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record whether a justified access was appropriate (once; a second review is a 409)
     * @description Access policy action `justified-access.review`: data_protection_officer. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accessId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            outcome: 'appropriate' | 'inappropriate';
            /** @description Required (10+ characters) when inappropriate */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              outcome: 'appropriate' | 'inappropriate';
              /** Format: date-time */
              reviewedAt: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/records/{recordId}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A record’s whole access history, oldest first, for a subject access request or the ICO; logged as a disclosure to the recipient
     * @description Access policy action `accesslog.export`: data_protection_officer. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          recordId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Who receives it */
            recipient: string;
            /** @enum {string} */
            purpose: 'subject_access_request' | 'information_commissioner' | 'investigation';
            /** @description E.g. the subject access request’s reference */
            reference?: string;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              subject: {
                recordId: string;
                vigilRef: string | null;
                name: string | null;
                areaCode: string | null;
              };
              recipient: string;
              entries: {
                /** @description Position in the hash chain */
                seq: number;
                /** Format: date-time */
                at: string;
                userId: string | null;
                userName: string | null;
                userEmail: string | null;
                agencyName: string | null;
                roles: string[];
                serviceAccountId: string | null;
                /** @enum {string} */
                operation:
                  'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';
                recordType: string;
                recordIds: string[];
                section: string | null;
                purpose: string | null;
                /** @description As logged: user or agency ids, or names */
                recipients: string[];
                /** @description The recipients by name: a user with their agency, an agency */
                recipientNames: string[];
                sourceAddress: string | null;
                requestId: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/retention/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Records due for review for deletion today under the retention schedule; logged as a consultation
     * @description Access policy action `retention.review`: data_protection_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              today: string;
              entries: {
                nominalId: string;
                vigilRef: string;
                areaCode: string;
                name: string;
                dateOfBirth: string;
                /** @enum {string} */
                basis: 'mappa_review_age' | 'ended_non_mappa';
                basisLabel: string;
                dueOn: string;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/retention/{nominalId}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Erase a due record’s personal data, with a reason (once; a second is a 409); logged as an erasure
     * @description Access policy action `retention.erase`: data_protection_officer. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why the record is no longer needed (kept with the decision and in the access log) */
            reason: string;
            /**
             * @description "yes": the erasure cannot be undone
             * @constant
             */
            confirm: 'yes';
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              nominalId: string;
              vigilRef: string;
              /** @enum {string} */
              basis: 'mappa_review_age' | 'ended_non_mappa';
              dueOn: string;
              reason: string;
              /** @description SHA-256 of the erased content: proof of what went, without keeping it */
              erasedSha256: string;
              erasedRows: number;
              /** @description Rows deleted or blanked per kind: record, levels, referrals, minutes, plan, prisonReports, actions, notifications, custody (moves, pre-release checks, ROTL, address checks, IRMMs, communications monitoring) */
              erasedParts: {
                [key: string]: number;
              };
              decidedAt: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/levels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s MAPPA status: category, level, what is due, decisions with their screenings, significant events, and whether they were told
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Computed by the eligibility and deadline rules (snake_case columns of nominal_obligations) */
              obligations: {
                category: number | null;
                category_reason: string | null;
                eligibility_ends_on: string | null;
                /** @description Null: no level set (never a default Level 1) */
                level: number | null;
                in_custody: boolean;
                on_rotl: boolean;
                earliest_release_on: string | null;
                level_decision_due_on: string | null;
                level_decision_basis: string | null;
                review_due_on: string | null;
                review_basis: string | null;
                unreviewed_event_since: string | null;
                notification_due_on: string | null;
                category3_candidate: boolean;
                /** @description The statute section the category rests on */
                category_basis: string | null;
                /** @description The facts the rule used */
                category_facts: string[];
                /** @description Subject to SOA 2003 Part 2 notification today, whatever the category */
                subject_to_notification: boolean;
                /** @description The duty that falls due first, with its section */
                notification_basis: string | null;
                /** @description Every open notification duty (SOA 2003 s.83-86) */
                notification_obligations: {
                  kind: string;
                  /** @description Null: cannot fall due yet (e.g. in custody) */
                  dueOn: string | null;
                  basis: string;
                  section: string;
                  eventId: string | null;
                }[];
                /** @description What must be recorded to classify an offence */
                classification_needed: string[];
                rules_version: number;
              };
              decisions: {
                /** Format: uuid */
                id: string;
                level: number | null;
                category: number | null;
                /** @enum {string} */
                kind: 'initial' | 'review' | 'escalation' | 'reduction' | 'deregistration';
                criteria: string[];
                rationale: string;
                /** Format: date */
                decidedOn: string;
                /** Format: date-time */
                decidedAt: string;
                decidedBy: string;
                warning: string | null;
                countersignatureRequired: boolean;
                awaitingCountersignature: boolean;
                countersignedAt: string | null;
                countersignedBy: string | null;
                overrideReason: string | null;
                continuesAtLowerLevel: string | null;
                meetingId: string | null;
                /** @description The MAPPA Q screening answers */
                answers: {
                  [key: string]: unknown;
                } | null;
              }[];
              events: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                type:
                  | 'arrest_or_charge'
                  | 'further_offence'
                  | 'new_intelligence'
                  | 'change_of_address'
                  | 'new_relationship'
                  | 'recall'
                  | 'breach'
                  | 'rotl_failure'
                  | 'drug_use_in_custody'
                  | 'risk_assessment_change';
                /** Format: date */
                occurredOn: string;
                description: string;
                /** Format: date-time */
                recordedAt: string;
                recordedBy: string;
                /** @description The level decision that considered it */
                reviewedBy: string | null;
              }[];
              toldOfStatus: {
                /** Format: date */
                toldOn: string;
                invitedToContribute: boolean;
                theirViews: string | null;
              }[];
              offenderNotifications: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'initial' | 'change' | 'periodic';
                /** Format: date */
                notifiedOn: string;
                /** Format: date-time */
                recordedAt: string;
                recordedBy: string;
              }[];
              /** @description Changes, stays and travel the police recorded, newest first */
              notificationEvents: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind:
                  | 'name_change'
                  | 'home_address_change'
                  | 'other_address_stay'
                  | 'child_household_stay'
                  | 'foreign_travel';
                /** Format: date */
                occurredOn: string;
                notifiedOn: string | null;
                details: string | null;
                /** Format: date-time */
                recordedAt: string;
                recordedBy: string;
              }[];
              /** @description Considerations for Category 3 (from the Category 3 candidates list), newest first */
              category3Considerations: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                outcome: 'refer' | 'not_needed';
                outcomeLabel: string;
                reason: string;
                /** Format: date-time */
                consideredAt: string;
                /** @description Who considered it */
                consideredBy: string;
              }[];
              /** @description The area requires level decisions to be countersigned */
              countersignatureRequired: boolean;
              criteria: {
                code: string;
                label: string;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a screening and a level decision (or the end of MAPPA management), with criteria and rationale
     * @description Access policy action `level.decide`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Omit when `deregister` is true
             * @enum {number}
             */
            level?: 1 | 2 | 3;
            /** @description Level 2 or 3 criteria; none for Level 1 */
            criteria?: (
              | 'rosh_high_or_very_high'
              | 'multi_agency_meetings_add_value'
              | 'lower_risk_needs_active_coordination'
              | 'stepping_down_from_level_3'
              | 'senior_resources_at_short_notice'
              | 'high_public_or_media_interest'
            )[];
            rationale?: string;
            /**
             * Format: date
             * @description Defaults to today
             */
            decidedOn?: string;
            /**
             * Format: date
             * @description A panel accepted a Category 3 referral on this date (the only way into Category 3)
             */
            category3AcceptedOn?: string;
            deregister?: boolean;
            /** @description Required on a reduction: what continues at the lower level (e.g. a professionals’ meeting date) */
            continuesAtLowerLevel?: string;
            /** @description The chair’s reason for reducing or ending MAPPA management while actions are open (`level.override` only); refused otherwise */
            overrideReason?: string;
            /**
             * Format: uuid
             * @description The Level 2/3 meeting that made the decision (it must include this person)
             */
            meetingId?: string;
            /** @description MAPPA Q answers */
            screening?: {
              /** @description Is the person assessed as high or very high risk of serious harm? */
              roshHighOrVeryHigh?: boolean;
              /** @description Do other agencies need to take actions to manage the risk? */
              otherAgenciesInvolved?: boolean;
              /** @description Are there barriers the lead agency cannot overcome alone? */
              barriersToManagement?: boolean;
              /** @description Are there victim safety issues that need multi-agency planning? */
              victimIssues?: boolean;
              /** @description Would multi-agency meetings add value to managing the risk? */
              meetingsAddValue?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              kind: 'initial' | 'review' | 'escalation' | 'reduction' | 'deregistration';
              category: number | null;
              level: number | null;
              /** @description Things to check, e.g. a reduction near release; never a refusal */
              warnings: string[];
              /** @description A reduction allowed only by the chair’s override */
              overridden: boolean;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/category-3-considerations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s Category 3 considerations (refer, or not needed, and why), newest first
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              considerations: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                outcome: 'refer' | 'not_needed';
                outcomeLabel: string;
                reason: string;
                /** Format: date-time */
                consideredAt: string;
                /** @description Who considered it */
                consideredBy: string;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record that a Category 3 candidate was considered: refer, or not needed, and why
     * @description Access policy action `category3.consider`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            outcome: 'refer' | 'not_needed';
            reason: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/significant-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a significant event: every named manager is notified and a level review falls due
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type:
              | 'arrest_or_charge'
              | 'further_offence'
              | 'new_intelligence'
              | 'change_of_address'
              | 'new_relationship'
              | 'recall'
              | 'breach'
              | 'rotl_failure'
              | 'drug_use_in_custody'
              | 'risk_assessment_change';
            /** Format: date */
            occurredOn: string;
            description: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Managers notified */
              notified: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/mappa-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that the person was told of their MAPPA status, and whether they were invited to contribute
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            toldOn: string;
            invitedToContribute: boolean;
            theirViews?: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/offender-notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a registered sex offender’s notification to the police (SOA 2003 s.83–85); the next periodic notification falls due a year later
     * @description Access policy action `notification.record`: police_offender_manager, probation_practitioner, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'initial' | 'change' | 'periodic';
            /** Format: date */
            notifiedOn: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description When the next notification is due */
              nextDueOn: string | null;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/notification-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a change of name or home address, a stay elsewhere or in a household with a child, or intended foreign travel (SOA 2003 s.84, s.86): a dated notification duty until it is notified
     * @description Access policy action `notification.record`: police_offender_manager, probation_practitioner, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind:
              | 'name_change'
              | 'home_address_change'
              | 'other_address_stay'
              | 'child_household_stay'
              | 'foreign_travel';
            /**
             * Format: date
             * @description The change, the day the qualifying period was reached, or the day of departure
             */
            occurredOn: string;
            /**
             * Format: date
             * @description When the person notified it; omit when they have not yet
             */
            notifiedOn?: string;
            /** @description What the police learnt, e.g. the new address or the destination */
            details?: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description The first notification duty now due, if any */
              nextDueOn: string | null;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/notification-events/{eventId}/notified': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that the person notified the police of a notification event; its duty closes
     * @description Access policy action `notification.record`: police_offender_manager, probation_practitioner, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          eventId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            notifiedOn: string;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description The first notification duty now due, if any */
              nextDueOn: string | null;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/levels/{decisionId}/countersignature': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Countersign someone else’s level decision that awaits countersignature (when the area requires it)
     * @description Access policy action `level.countersign`: senior_probation_officer, meeting_chair, mappa_coordinator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          decisionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              countersignedAt: string;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/area-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The review intervals, countersignature rule, screening route and standing panel of your own area
     * @description Access policy action `area.settings`: mappa_coordinator. Refused to a read-only token.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              areaCode: string;
              level2ReviewWeeks: number;
              level3ReviewWeeks: number;
              significantEventReviewDays: number;
              countersignatureRequired: boolean;
              /** @enum {string} */
              screeningRoute: 'coordinator' | 'panel' | 'joint';
              /** @description The agencies invited to every Level 2/3 meeting */
              standingPanel: {
                /** Format: uuid */
                agencyId: string;
                name: string;
                type: string;
              }[];
              /** @description False: the area has not chosen, so the default panel applies (recommendation 9) */
              standingPanelConfigured: boolean;
              /** @description Who is told of an action owned by an agency’s person without a Vigil account */
              singlePointsOfContact: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** Format: uuid */
                userId: string;
                userName: string;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change your own area’s review intervals and countersignature rule; every review due date in the area is recalculated
     * @description Access policy action `area.settings`: mappa_coordinator. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            level2ReviewWeeks: number;
            level3ReviewWeeks: number;
            significantEventReviewDays: number;
            countersignatureRequired: boolean;
            /**
             * @description How referrals are screened; unchanged when omitted
             * @enum {string}
             */
            screeningRoute?: 'coordinator' | 'panel' | 'joint';
            /** @description The standing panel (agencies of your area); unchanged when omitted, the default panel when empty */
            standingPanelAgencyIds?: string[];
            /** @description Each agency’s single point of contact in your area (a Vigil user of that agency), told of actions owned by its people without a Vigil account; unchanged when omitted, all replaced when given */
            singlePointsOfContact?: {
              /** Format: uuid */
              agencyId: string;
              /** Format: uuid */
              userId: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              areaCode: string;
              level2ReviewWeeks: number;
              level3ReviewWeeks: number;
              significantEventReviewDays: number;
              countersignatureRequired: boolean;
              /** @enum {string} */
              screeningRoute: 'coordinator' | 'panel' | 'joint';
              /** @description The agencies invited to every Level 2/3 meeting */
              standingPanel: {
                /** Format: uuid */
                agencyId: string;
                name: string;
                type: string;
              }[];
              /** @description False: the area has not chosen, so the default panel applies (recommendation 9) */
              standingPanelConfigured: boolean;
              /** @description Who is told of an action owned by an agency’s person without a Vigil account */
              singlePointsOfContact: {
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                /** Format: uuid */
                userId: string;
                userName: string;
              }[];
              /** @description People with a level whose due dates were recalculated */
              recomputed: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worklists/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your caseload’s obligations, one row per obligation (its own due date, reason and legal basis), filtered, sorted and 50 a page; and your overdue actions. Send `Accept: text/csv` for the whole filtered list (up to 10,000 rows) as CSV, logged as a disclosure.
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: {
          /** @description Area worklists only. One of: no-level, release-no-level, rotl-no-level, level1-review-overdue, level23-review-overdue, events-unreviewed, notification-due, eligibility-ending, reduced-near-release, overdue-actions (default no-level) */
          list?:
            | 'no-level'
            | 'release-no-level'
            | 'rotl-no-level'
            | 'level1-review-overdue'
            | 'level23-review-overdue'
            | 'events-unreviewed'
            | 'notification-due'
            | 'eligibility-ending'
            | 'reduced-near-release'
            | 'overdue-actions';
          /** @description overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days */
          due?: 'overdue' | 'week' | 'month';
          /** @description A named manager (user id): only the people they manage today */
          manager?: string;
          /** @description A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs) */
          agency?: string;
          /** @description 1, 2, 3, or none (no level set) */
          level?: '1' | '2' | '3' | 'none';
          /** @description MAPPA category 1 to 4 */
          category?: '1' | '2' | '3' | '4';
          /** @description custody: in custody today; community: not */
          setting?: 'custody' | 'community';
          /** @description One of: due, name, obligation, category, level (default due; the caseload's default is name) */
          sort?: 'due' | 'name' | 'obligation' | 'category' | 'level';
          /** @description asc (default) or desc */
          order?: 'asc' | 'desc';
          /** @description Page number, from 1 (50 rows a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /**
                 * Format: uuid
                 * @description The person (GET /api/v1/nominals/{id})
                 */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                category: number | null;
                /** @description Null: no level set */
                level: number | null;
                inCustody: boolean;
                /**
                 * @description The obligation this row is: one row per obligation, so a person may have several
                 * @enum {string}
                 */
                kind:
                  | 'level-decision'
                  | 'review'
                  | 'significant-event'
                  | 'notification'
                  | 'eligibility-ending'
                  | 'reduced-near-release'
                  | 'action'
                  | 'classification'
                  | 'category-3';
                /** @description For a notification: its kind (initial, periodic, weekly, a change…) */
                duty: string | null;
                /** @description This obligation’s own due date; null when there is no date to work from */
                dueOn: string | null;
                /** @description Why this obligation is due (for an overdue action, the action and its owner) */
                reason: string | null;
                /** @description The statute section or guidance it rests on, e.g. "SOA 2003 s.85(1)", "MAPPA Guidance: level decision" */
                legalBasis: string | null;
                overdue: boolean;
                /** @description The person’s named managers today */
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
                /** @description Only on overdue-action rows: the action (GET /api/v1/actions/{actionId}) */
                actionId?: string | null;
              }[];
              /** @description Rows matching the filters, on every page */
              total: number;
              page: number;
              pageSize: number;
              /** @description Overdue obligations of your caseload (whatever the filters) */
              overdue: number;
              /** @description Obligations due in the next 7 days, today included */
              dueThisWeek: number;
              /** @description Actions you own that are open and past their due date, most overdue first */
              overdueActions: {
                /**
                 * Format: uuid
                 * @description The person (GET /api/v1/nominals/{id})
                 */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                category: number | null;
                /** @description Null: no level set */
                level: number | null;
                inCustody: boolean;
                /**
                 * @description The obligation this row is: one row per obligation, so a person may have several
                 * @enum {string}
                 */
                kind:
                  | 'level-decision'
                  | 'review'
                  | 'significant-event'
                  | 'notification'
                  | 'eligibility-ending'
                  | 'reduced-near-release'
                  | 'action'
                  | 'classification'
                  | 'category-3';
                /** @description For a notification: its kind (initial, periodic, weekly, a change…) */
                duty: string | null;
                /** @description This obligation’s own due date; null when there is no date to work from */
                dueOn: string | null;
                /** @description Why this obligation is due (for an overdue action, the action and its owner) */
                reason: string | null;
                /** @description The statute section or guidance it rests on, e.g. "SOA 2003 s.85(1)", "MAPPA Guidance: level decision" */
                legalBasis: string | null;
                overdue: boolean;
                /** @description The person’s named managers today */
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
                /** @description Only on overdue-action rows: the action (GET /api/v1/actions/{actionId}) */
                actionId?: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worklists/area': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of your area’s worklists, one row per obligation, filtered, sorted and 50 a page, with the count of every list under the same filters. Send `Accept: text/csv` for the whole filtered list (up to 10,000 rows) as CSV, logged as a disclosure.
     * @description Access policy action `worklist.area`: mappa_coordinator, mappa_administrator, senior_probation_officer, meeting_chair.
     */
    get: {
      parameters: {
        query?: {
          /** @description Area worklists only. One of: no-level, release-no-level, rotl-no-level, level1-review-overdue, level23-review-overdue, events-unreviewed, notification-due, eligibility-ending, reduced-near-release, overdue-actions (default no-level) */
          list?:
            | 'no-level'
            | 'release-no-level'
            | 'rotl-no-level'
            | 'level1-review-overdue'
            | 'level23-review-overdue'
            | 'events-unreviewed'
            | 'notification-due'
            | 'eligibility-ending'
            | 'reduced-near-release'
            | 'overdue-actions';
          /** @description overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days */
          due?: 'overdue' | 'week' | 'month';
          /** @description A named manager (user id): only the people they manage today */
          manager?: string;
          /** @description A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs) */
          agency?: string;
          /** @description 1, 2, 3, or none (no level set) */
          level?: '1' | '2' | '3' | 'none';
          /** @description MAPPA category 1 to 4 */
          category?: '1' | '2' | '3' | '4';
          /** @description custody: in custody today; community: not */
          setting?: 'custody' | 'community';
          /** @description One of: due, name, obligation, category, level (default due; the caseload's default is name) */
          sort?: 'due' | 'name' | 'obligation' | 'category' | 'level';
          /** @description asc (default) or desc */
          order?: 'asc' | 'desc';
          /** @description Page number, from 1 (50 rows a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              list:
                | 'no-level'
                | 'release-no-level'
                | 'rotl-no-level'
                | 'level1-review-overdue'
                | 'level23-review-overdue'
                | 'events-unreviewed'
                | 'notification-due'
                | 'eligibility-ending'
                | 'reduced-near-release'
                | 'overdue-actions';
              lists: {
                /** @enum {string} */
                key:
                  | 'no-level'
                  | 'release-no-level'
                  | 'rotl-no-level'
                  | 'level1-review-overdue'
                  | 'level23-review-overdue'
                  | 'events-unreviewed'
                  | 'notification-due'
                  | 'eligibility-ending'
                  | 'reduced-near-release'
                  | 'overdue-actions';
                label: string;
                /** @description Obligations on the list, with the other filters applied */
                count: number;
              }[];
              rows: {
                /**
                 * Format: uuid
                 * @description The person (GET /api/v1/nominals/{id})
                 */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                category: number | null;
                /** @description Null: no level set */
                level: number | null;
                inCustody: boolean;
                /**
                 * @description The obligation this row is: one row per obligation, so a person may have several
                 * @enum {string}
                 */
                kind:
                  | 'level-decision'
                  | 'review'
                  | 'significant-event'
                  | 'notification'
                  | 'eligibility-ending'
                  | 'reduced-near-release'
                  | 'action'
                  | 'classification'
                  | 'category-3';
                /** @description For a notification: its kind (initial, periodic, weekly, a change…) */
                duty: string | null;
                /** @description This obligation’s own due date; null when there is no date to work from */
                dueOn: string | null;
                /** @description Why this obligation is due (for an overdue action, the action and its owner) */
                reason: string | null;
                /** @description The statute section or guidance it rests on, e.g. "SOA 2003 s.85(1)", "MAPPA Guidance: level decision" */
                legalBasis: string | null;
                overdue: boolean;
                /** @description The person’s named managers today */
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
                /** @description Only on overdue-action rows: the action (GET /api/v1/actions/{actionId}) */
                actionId?: string | null;
              }[];
              /** @description Rows matching the filters, on every page */
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/caseload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your area’s caseload: each person with category, level, custody and named managers, filtered (manager, agency, level, category, setting; `due` does not apply), sorted (name by default) and 50 a page. Send `Accept: text/csv` for the whole filtered list (up to 10,000 rows) as CSV, logged as a disclosure.
     * @description Access policy action `worklist.area`: mappa_coordinator, mappa_administrator, senior_probation_officer, meeting_chair.
     */
    get: {
      parameters: {
        query?: {
          /** @description Area worklists only. One of: no-level, release-no-level, rotl-no-level, level1-review-overdue, level23-review-overdue, events-unreviewed, notification-due, eligibility-ending, reduced-near-release, overdue-actions (default no-level) */
          list?:
            | 'no-level'
            | 'release-no-level'
            | 'rotl-no-level'
            | 'level1-review-overdue'
            | 'level23-review-overdue'
            | 'events-unreviewed'
            | 'notification-due'
            | 'eligibility-ending'
            | 'reduced-near-release'
            | 'overdue-actions';
          /** @description overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days */
          due?: 'overdue' | 'week' | 'month';
          /** @description A named manager (user id): only the people they manage today */
          manager?: string;
          /** @description A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs) */
          agency?: string;
          /** @description 1, 2, 3, or none (no level set) */
          level?: '1' | '2' | '3' | 'none';
          /** @description MAPPA category 1 to 4 */
          category?: '1' | '2' | '3' | '4';
          /** @description custody: in custody today; community: not */
          setting?: 'custody' | 'community';
          /** @description One of: due, name, obligation, category, level (default due; the caseload's default is name) */
          sort?: 'due' | 'name' | 'obligation' | 'category' | 'level';
          /** @description asc (default) or desc */
          order?: 'asc' | 'desc';
          /** @description Page number, from 1 (50 rows a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /** Format: uuid */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                /** @description Null: not eligible for MAPPA */
                category: number | null;
                /** @description Null: no level set */
                level: number | null;
                inCustody: boolean;
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
              }[];
              /** @description Rows matching the filters, on every page */
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worklists/category-3': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * High-risk domestic abuse and stalking cases not under MAPPA, not yet considered for Category 3 (filtered, sorted by name, 50 a page)
     * @description Access policy action `category3.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator.
     */
    get: {
      parameters: {
        query?: {
          /** @description Area worklists only. One of: no-level, release-no-level, rotl-no-level, level1-review-overdue, level23-review-overdue, events-unreviewed, notification-due, eligibility-ending, reduced-near-release, overdue-actions (default no-level) */
          list?:
            | 'no-level'
            | 'release-no-level'
            | 'rotl-no-level'
            | 'level1-review-overdue'
            | 'level23-review-overdue'
            | 'events-unreviewed'
            | 'notification-due'
            | 'eligibility-ending'
            | 'reduced-near-release'
            | 'overdue-actions';
          /** @description overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days */
          due?: 'overdue' | 'week' | 'month';
          /** @description A named manager (user id): only the people they manage today */
          manager?: string;
          /** @description A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs) */
          agency?: string;
          /** @description 1, 2, 3, or none (no level set) */
          level?: '1' | '2' | '3' | 'none';
          /** @description MAPPA category 1 to 4 */
          category?: '1' | '2' | '3' | '4';
          /** @description custody: in custody today; community: not */
          setting?: 'custody' | 'community';
          /** @description One of: due, name, obligation, category, level (default due; the caseload's default is name) */
          sort?: 'due' | 'name' | 'obligation' | 'category' | 'level';
          /** @description asc (default) or desc */
          order?: 'asc' | 'desc';
          /** @description Page number, from 1 (50 rows a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /**
                 * Format: uuid
                 * @description The person (GET /api/v1/nominals/{id})
                 */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                category: number | null;
                /** @description Null: no level set */
                level: number | null;
                inCustody: boolean;
                /**
                 * @description The obligation this row is: one row per obligation, so a person may have several
                 * @enum {string}
                 */
                kind:
                  | 'level-decision'
                  | 'review'
                  | 'significant-event'
                  | 'notification'
                  | 'eligibility-ending'
                  | 'reduced-near-release'
                  | 'action'
                  | 'classification'
                  | 'category-3';
                /** @description For a notification: its kind (initial, periodic, weekly, a change…) */
                duty: string | null;
                /** @description This obligation’s own due date; null when there is no date to work from */
                dueOn: string | null;
                /** @description Why this obligation is due (for an overdue action, the action and its owner) */
                reason: string | null;
                /** @description The statute section or guidance it rests on, e.g. "SOA 2003 s.85(1)", "MAPPA Guidance: level decision" */
                legalBasis: string | null;
                overdue: boolean;
                /** @description The person’s named managers today */
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
                /** @description Only on overdue-action rows: the action (GET /api/v1/actions/{actionId}) */
                actionId?: string | null;
              }[];
              /** @description Rows matching the filters, on every page */
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worklists/classification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * People in your area whose offence needs classifying (not on the reference list, or a Schedule 3 fact not recorded), with what to record (filtered, sorted by name, 50 a page)
     * @description Access policy action `worklist.area`: mappa_coordinator, mappa_administrator, senior_probation_officer, meeting_chair.
     */
    get: {
      parameters: {
        query?: {
          /** @description Area worklists only. One of: no-level, release-no-level, rotl-no-level, level1-review-overdue, level23-review-overdue, events-unreviewed, notification-due, eligibility-ending, reduced-near-release, overdue-actions (default no-level) */
          list?:
            | 'no-level'
            | 'release-no-level'
            | 'rotl-no-level'
            | 'level1-review-overdue'
            | 'level23-review-overdue'
            | 'events-unreviewed'
            | 'notification-due'
            | 'eligibility-ending'
            | 'reduced-near-release'
            | 'overdue-actions';
          /** @description overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days */
          due?: 'overdue' | 'week' | 'month';
          /** @description A named manager (user id): only the people they manage today */
          manager?: string;
          /** @description A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs) */
          agency?: string;
          /** @description 1, 2, 3, or none (no level set) */
          level?: '1' | '2' | '3' | 'none';
          /** @description MAPPA category 1 to 4 */
          category?: '1' | '2' | '3' | '4';
          /** @description custody: in custody today; community: not */
          setting?: 'custody' | 'community';
          /** @description One of: due, name, obligation, category, level (default due; the caseload's default is name) */
          sort?: 'due' | 'name' | 'obligation' | 'category' | 'level';
          /** @description asc (default) or desc */
          order?: 'asc' | 'desc';
          /** @description Page number, from 1 (50 rows a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /**
                 * Format: uuid
                 * @description The person (GET /api/v1/nominals/{id})
                 */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                category: number | null;
                /** @description Null: no level set */
                level: number | null;
                inCustody: boolean;
                /**
                 * @description The obligation this row is: one row per obligation, so a person may have several
                 * @enum {string}
                 */
                kind:
                  | 'level-decision'
                  | 'review'
                  | 'significant-event'
                  | 'notification'
                  | 'eligibility-ending'
                  | 'reduced-near-release'
                  | 'action'
                  | 'classification'
                  | 'category-3';
                /** @description For a notification: its kind (initial, periodic, weekly, a change…) */
                duty: string | null;
                /** @description This obligation’s own due date; null when there is no date to work from */
                dueOn: string | null;
                /** @description Why this obligation is due (for an overdue action, the action and its owner) */
                reason: string | null;
                /** @description The statute section or guidance it rests on, e.g. "SOA 2003 s.85(1)", "MAPPA Guidance: level decision" */
                legalBasis: string | null;
                overdue: boolean;
                /** @description The person’s named managers today */
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
                /** @description Only on overdue-action rows: the action (GET /api/v1/actions/{actionId}) */
                actionId?: string | null;
              }[];
              /** @description Rows matching the filters, on every page */
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/worklists/rule-corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * People in your area whose category or end date a correction of the rules changed, not yet reviewed: old and new, and why (oldest first, 50 a page)
     * @description Access policy action `worklist.area`: mappa_coordinator, mappa_administrator, senior_probation_officer, meeting_chair.
     */
    get: {
      parameters: {
        query?: {
          /** @description Area worklists only. One of: no-level, release-no-level, rotl-no-level, level1-review-overdue, level23-review-overdue, events-unreviewed, notification-due, eligibility-ending, reduced-near-release, overdue-actions (default no-level) */
          list?:
            | 'no-level'
            | 'release-no-level'
            | 'rotl-no-level'
            | 'level1-review-overdue'
            | 'level23-review-overdue'
            | 'events-unreviewed'
            | 'notification-due'
            | 'eligibility-ending'
            | 'reduced-near-release'
            | 'overdue-actions';
          /** @description overdue; week: due in the next 7 days (today included, overdue not); month: the next 30 days */
          due?: 'overdue' | 'week' | 'month';
          /** @description A named manager (user id): only the people they manage today */
          manager?: string;
          /** @description A managing agency (agency id): only the people with a named manager of that agency today (Vigil holds no teams or PDUs) */
          agency?: string;
          /** @description 1, 2, 3, or none (no level set) */
          level?: '1' | '2' | '3' | 'none';
          /** @description MAPPA category 1 to 4 */
          category?: '1' | '2' | '3' | '4';
          /** @description custody: in custody today; community: not */
          setting?: 'custody' | 'community';
          /** @description One of: due, name, obligation, category, level (default due; the caseload's default is name) */
          sort?: 'due' | 'name' | 'obligation' | 'category' | 'level';
          /** @description asc (default) or desc */
          order?: 'asc' | 'desc';
          /** @description Page number, from 1 (50 rows a page) */
          page?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /**
                 * Format: uuid
                 * @description POST /api/v1/rule-corrections/{correctionId}/reviewed
                 */
                correctionId: string;
                /**
                 * Format: uuid
                 * @description The person
                 */
                nominalId: string;
                vigilRef: string;
                name: string;
                /** Format: date */
                dateOfBirth: string;
                /** @description Null: not eligible */
                oldCategory: number | null;
                newCategory: number | null;
                /** @description Null: no fixed end (or not eligible) */
                oldEndsOn: string | null;
                newEndsOn: string | null;
                oldReason: string | null;
                newReason: string | null;
                /** @description The statute section the new answer rests on */
                newBasis: string | null;
                /** Format: date */
                detectedOn: string;
                owners: {
                  name: string;
                  /** @description Their role as the person’s manager */
                  role: string;
                  agency: string;
                }[];
              }[];
              /** @description Rows matching the filters, on every page */
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rule-corrections/{correctionId}/reviewed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a change made by a rule correction as reviewed; it leaves the list
     * @description Access policy action `level.decide`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          correctionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              reviewedAt: string;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What needs you today: your caseload’s overdue and due-this-week obligations, meetings in the next 4 weeks that concern you and what you owe them, your open actions, unread inbox, referrals awaiting you and (coordinators, administrators, chairs) the area worklists’ counts
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date
               * @description The service’s London date the summary was made on
               */
              today: string;
              /** @description My caseload’s obligations (people I am a named manager of) */
              obligations: {
                /** @description GET /api/v1/worklists/mine: rows overdue */
                overdue: number;
                /** @description Due in the next 7 days, today included, not yet overdue */
                dueThisWeek: number;
                overdueActions: number;
              };
              /** @description Scheduled meetings in the next 4 weeks that concern me, soonest first */
              meetings:
                | {
                    /** Format: uuid */
                    id: string;
                    level: number;
                    /** Format: date-time */
                    startsAt: string;
                    /**
                     * Format: date
                     * @description The London day it is held on
                     */
                    day: string;
                    chairName: string | null;
                    /** @description chair: I chair it; manager: it discusses someone I manage; invited: my agency is invited; area: my area’s meeting (coordinators and administrators) */
                    why: ('chair' | 'manager' | 'invited' | 'area')[];
                    people: {
                      /** Format: uuid */
                      id: string;
                      name: string;
                      vigilRef: string;
                    }[];
                    owed: {
                      /** @description My open actions on the people it discusses */
                      actions: {
                        /** Format: uuid */
                        id: string;
                        description: string;
                        /** Format: date */
                        dueOn: string;
                        overdue: boolean;
                        safeguarding: boolean;
                        person: {
                          /** Format: uuid */
                          id: string;
                          name: string;
                          vigilRef: string;
                        };
                      }[];
                      /** @description Prison reports (MAPPA F) on those people awaiting me: to finish or to approve */
                      prisonReports: {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: 'draft' | 'submitted' | 'returned';
                        meetingId: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        person: {
                          /** Format: uuid */
                          id: string;
                          name: string;
                          vigilRef: string;
                        };
                      }[];
                    };
                  }[]
                | null;
              actions: {
                open: number;
                overdue: number;
                /** @description The 5 due soonest (overdue first) */
                soonest: {
                  /** Format: uuid */
                  id: string;
                  description: string;
                  /** Format: date */
                  dueOn: string;
                  overdue: boolean;
                  safeguarding: boolean;
                  person: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    vigilRef: string;
                  };
                }[];
              } | null;
              inbox: {
                unread: number;
                latest: {
                  /** Format: uuid */
                  id: string;
                  subject: string;
                  link: string | null;
                  /** Format: date-time */
                  createdAt: string;
                  person: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    vigilRef: string;
                  } | null;
                }[];
              };
              referrals: {
                /** @description Submitted referrals in my area awaiting screening (screeners only) */
                awaitingScreening: {
                  count: number;
                  /** @description Emergencies first, then the longest waiting */
                  next: {
                    /** Format: uuid */
                    id: string;
                    emergency: boolean;
                    submittedAt: string | null;
                    /** Format: date-time */
                    updatedAt: string;
                    person: {
                      /** Format: uuid */
                      id: string;
                      name: string;
                      vigilRef: string;
                    };
                  }[];
                } | null;
                /** @description My referrals not yet submitted */
                drafts: {
                  /** Format: uuid */
                  id: string;
                  emergency: boolean;
                  submittedAt: string | null;
                  /** Format: date-time */
                  updatedAt: string;
                  person: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    vigilRef: string;
                  };
                }[];
              } | null;
              /** @description Prison offender managers: my establishment’s prison reports (MAPPA F) awaiting me */
              prisonReports: {
                /** @description Drafts I wrote and reports returned to me */
                toFinish: {
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  status: 'draft' | 'submitted' | 'returned';
                  meetingId: string | null;
                  /** Format: date-time */
                  updatedAt: string;
                  person: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    vigilRef: string;
                  };
                }[];
                /** @description Submitted by another manager of my establishment */
                toApprove: {
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  status: 'draft' | 'submitted' | 'returned';
                  meetingId: string | null;
                  /** Format: date-time */
                  updatedAt: string;
                  person: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    vigilRef: string;
                  };
                }[];
              } | null;
              /** @description Chairs: minutes of meetings I chair whose latest version is a draft, oldest meeting first */
              minutesToApprove:
                | {
                    /** Format: uuid */
                    meetingId: string;
                    level: number;
                    /** Format: date-time */
                    startsAt: string;
                    person: {
                      /** Format: uuid */
                      id: string;
                      name: string;
                      vigilRef: string;
                    };
                  }[]
                | null;
              /** @description The area worklists’ counts (GET /api/v1/worklists/area?list=KEY) */
              area: {
                areaCode: string;
                lists: {
                  /** @enum {string} */
                  key:
                    | 'no-level'
                    | 'release-no-level'
                    | 'rotl-no-level'
                    | 'level1-review-overdue'
                    | 'level23-review-overdue'
                    | 'events-unreviewed'
                    | 'notification-due'
                    | 'eligibility-ending'
                    | 'reduced-near-release'
                    | 'overdue-actions';
                  label: string;
                  count: number;
                }[];
              } | null;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your notifications, newest first (at most 100), with how many are unread
     * @description Any authenticated user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unread: number;
              notifications: {
                /** Format: uuid */
                id: string;
                /** @description What changed, naming the person it is about */
                subject: string;
                body: string;
                /** @description Where in Vigil it is about */
                link: string | null;
                /** Format: date-time */
                createdAt: string;
                readAt: string | null;
                /** @description The person it is about */
                vigilRef: string | null;
                /** @description The person it is about, and their record */
                person: {
                  name: string;
                  vigilRef: string;
                  link: string;
                } | null;
                /** @description What it asks for work on: a referral, meeting, minutes, prison report or action */
                about: {
                  /** @enum {string} */
                  type: 'referral' | 'meeting' | 'minutes' | 'prison-report' | 'action';
                  label: string;
                  link: string | null;
                } | null;
                /** @description Who caused it (none: Vigil itself) */
                createdBy: string | null;
                /** @description The work it asked for is done (by anyone entitled to do it): when, and by whom */
                resolved: {
                  /** Format: date-time */
                  at: string;
                  by: string | null;
                } | null;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inbox/{notificationId}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark one of your notifications read (marking it again changes nothing); another user’s is not found
     * @description Access policy action `inbox.mark-read`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative, victim_liaison_officer, smb_member, lay_adviser, national_analyst, data_protection_officer, admin. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          notificationId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              readAt: string;
              /** @description Where in Vigil it is about */
              link: string | null;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s referrals to Level 2 or 3, newest first, with decisions (drafts: only your own)
     * @description Access policy action `referral.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              nominalId: string;
              name: string;
              vigilRef: string;
              areaCode: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
              requestedLevel: number | null;
              category3: boolean;
              emergency: boolean;
              reason: string | null;
              valueAdded: string | null;
              proposedReleaseAddress: string | null;
              invitedAgencyIds: string[];
              /** Format: uuid */
              createdById: string;
              createdBy: string;
              createdByAgency: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              submittedAt: string | null;
              version: number;
              decision: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                outcome: 'accepted' | 'rejected';
                level: number | null;
                criteria: string[];
                rationale: string;
                /** @enum {string} */
                route: 'coordinator' | 'panel' | 'joint' | 'emergency';
                panelMembers: string | null;
                agreedBy: string | null;
                decidedBy: string;
                /** Format: date-time */
                decidedAt: string;
                levelDecisionId: string | null;
              } | null;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Start a referral to Level 2 or 3: a draft, pre-filled from the record
     * @description Access policy action `referral.create`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @constant */
              status: 'draft';
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Referrals: your own, and for screeners the area’s awaiting screening (emergencies first, then oldest) and recent decisions
     * @description Access policy action `referral.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              canScreen: boolean;
              awaitingScreening: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                name: string;
                vigilRef: string;
                areaCode: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
                requestedLevel: number | null;
                category3: boolean;
                emergency: boolean;
                reason: string | null;
                valueAdded: string | null;
                proposedReleaseAddress: string | null;
                invitedAgencyIds: string[];
                /** Format: uuid */
                createdById: string;
                createdBy: string;
                createdByAgency: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                submittedAt: string | null;
                version: number;
                decision: {
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  outcome: 'accepted' | 'rejected';
                  level: number | null;
                  criteria: string[];
                  rationale: string;
                  /** @enum {string} */
                  route: 'coordinator' | 'panel' | 'joint' | 'emergency';
                  panelMembers: string | null;
                  agreedBy: string | null;
                  decidedBy: string;
                  /** Format: date-time */
                  decidedAt: string;
                  levelDecisionId: string | null;
                } | null;
              }[];
              mine: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                name: string;
                vigilRef: string;
                areaCode: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
                requestedLevel: number | null;
                category3: boolean;
                emergency: boolean;
                reason: string | null;
                valueAdded: string | null;
                proposedReleaseAddress: string | null;
                invitedAgencyIds: string[];
                /** Format: uuid */
                createdById: string;
                createdBy: string;
                createdByAgency: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                submittedAt: string | null;
                version: number;
                decision: {
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  outcome: 'accepted' | 'rejected';
                  level: number | null;
                  criteria: string[];
                  rationale: string;
                  /** @enum {string} */
                  route: 'coordinator' | 'panel' | 'joint' | 'emergency';
                  panelMembers: string | null;
                  agreedBy: string | null;
                  decidedBy: string;
                  /** Format: date-time */
                  decidedAt: string;
                  levelDecisionId: string | null;
                } | null;
              }[];
              recentDecisions: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                name: string;
                vigilRef: string;
                areaCode: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
                requestedLevel: number | null;
                category3: boolean;
                emergency: boolean;
                reason: string | null;
                valueAdded: string | null;
                proposedReleaseAddress: string | null;
                invitedAgencyIds: string[];
                /** Format: uuid */
                createdById: string;
                createdBy: string;
                createdByAgency: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                submittedAt: string | null;
                version: number;
                decision: {
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  outcome: 'accepted' | 'rejected';
                  level: number | null;
                  criteria: string[];
                  rationale: string;
                  /** @enum {string} */
                  route: 'coordinator' | 'panel' | 'joint' | 'emergency';
                  panelMembers: string | null;
                  agreedBy: string | null;
                  decidedBy: string;
                  /** Format: date-time */
                  decidedAt: string;
                  levelDecisionId: string | null;
                } | null;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{referralId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One referral with its decision and the record it carries (as submitted; a draft shows the record as it stands)
     * @description Access policy action `referral.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              nominalId: string;
              name: string;
              vigilRef: string;
              areaCode: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
              requestedLevel: number | null;
              category3: boolean;
              emergency: boolean;
              reason: string | null;
              valueAdded: string | null;
              proposedReleaseAddress: string | null;
              invitedAgencyIds: string[];
              /** Format: uuid */
              createdById: string;
              createdBy: string;
              createdByAgency: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              submittedAt: string | null;
              version: number;
              decision: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                outcome: 'accepted' | 'rejected';
                level: number | null;
                criteria: string[];
                rationale: string;
                /** @enum {string} */
                route: 'coordinator' | 'panel' | 'joint' | 'emergency';
                panelMembers: string | null;
                agreedBy: string | null;
                decidedBy: string;
                /** Format: date-time */
                decidedAt: string;
                levelDecisionId: string | null;
              } | null;
              /** @description MAPPA A’s record parts, as words ready to show */
              record: {
                [key: string]: unknown;
              };
              /** @enum {string} */
              recordFrom: 'submission' | 'live';
              invitedAgencies: {
                /** Format: uuid */
                id: string;
                name: string;
                type: string;
              }[];
              /** @enum {string} */
              screeningRoute: 'coordinator' | 'panel' | 'joint' | 'emergency';
              canEdit: boolean;
              canScreen: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Save a draft (your own): only the fields sent change. Send the version you read; a stale version is refused with 409
     * @description Access policy action `referral.create`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative. Refused to a read-only token.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you read: a stale one is refused with 409 */
            version: number;
            requestedLevel?: (2 | 3) | null;
            emergency?: boolean;
            /** @description A Category 3 referral (other dangerous offenders): for people not otherwise eligible */
            category3?: boolean;
            reason?: string | null;
            /** @description What multi-agency management would add */
            valueAdded?: string | null;
            /** @description Only when the record holds none */
            proposedReleaseAddress?: string | null;
            /** @description Agencies of the area to invite (their ids) */
            invitedAgencyIds?: string[];
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/referrals/{referralId}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a draft for screening: level, reason and what multi-agency management would add are required; the record is stored as it stands and the area’s MAPPA coordinators are told
     * @description Access policy action `referral.create`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you read: a stale one is refused with 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @constant */
              status: 'submitted';
              /** Format: date-time */
              submittedAt: string;
              /** @description Coordinators notified */
              notified: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{referralId}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw your own draft (it is kept, marked withdrawn)
     * @description Access policy action `referral.create`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you read: a stale one is refused with 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              nominalId: string;
              version: number;
              /** @constant */
              status: 'withdrawn';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{referralId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Screen a submitted referral in your area: accept at Level 2 or 3 (recording the level decision, and Category 3 for a Category 3 referral) or reject, with a rationale; the referrer is told at once
     * @description Access policy action `referral.screen`: mappa_coordinator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default null */
            outcome: ('accepted' | 'rejected') | null;
            /**
             * @description When accepted
             * @default null
             */
            level: (2 | 3) | null;
            /** @description When accepted: the level criteria (MAPPA Q) the level needs: rosh_high_or_very_high, multi_agency_meetings_add_value, lower_risk_needs_active_coordination, stepping_down_from_level_3, senior_resources_at_short_notice, high_public_or_media_interest */
            criteria: string[];
            /**
             * @description At most 4000 characters
             * @default null
             */
            rationale: string | null;
            /**
             * @description Panel route: who sat on the panel
             * @default null
             */
            panelMembers: string | null;
            /**
             * @description Joint route: the police detective inspector (a screener in the area) who agreed: a user id
             * @default null
             */
            agreedBy: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              referralId: string;
              /** @enum {string} */
              outcome: 'accepted' | 'rejected';
              level: number | null;
              /** @enum {string} */
              route: 'coordinator' | 'panel' | 'joint' | 'emergency';
              levelDecisionId: string | null;
              /** Format: date-time */
              decidedAt: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{referralId}/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MAPPA A referral as an HTML page (OFFICIAL-SENSITIVE), logged in the access log as a disclosure to you
     * @description Access policy action `referral.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{referralId}/document.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MAPPA A referral as a PDF (OFFICIAL-SENSITIVE on every page), logged in the access log as a disclosure to you
     * @description Access policy action `referral.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          referralId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your area’s meetings, upcoming and past (an invited agency sees only the meetings it is invited to)
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              upcoming: {
                /** Format: uuid */
                id: string;
                level: number;
                /** Format: date-time */
                startsAt: string;
                /** Format: date */
                day: string;
                /** @enum {string} */
                format: 'in_person' | 'online';
                /** @enum {string} */
                status: 'scheduled' | 'closed' | 'cancelled';
                chairName: string | null;
                /** @description The people discussed, by name */
                people: string;
              }[];
              past: {
                /** Format: uuid */
                id: string;
                level: number;
                /** Format: date-time */
                startsAt: string;
                /** Format: date */
                day: string;
                /** @enum {string} */
                format: 'in_person' | 'online';
                /** @enum {string} */
                status: 'scheduled' | 'closed' | 'cancelled';
                chairName: string | null;
                /** @description The people discussed, by name */
                people: string;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Schedule a Level 2 or 3 meeting for one or more people; the standing panel is invited automatically and invited duty-to-co-operate agencies are given sight of each person’s shareable sections
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {number} */
            level: 2 | 3;
            /**
             * Format: date
             * @description The day of the meeting
             */
            date: string;
            /** @description London time, 24-hour clock */
            time: string;
            /** @enum {string} */
            format: 'in_person' | 'online';
            /** @description Required in person */
            location?: string;
            /** @description Required online; https only */
            onlineLink?: string;
            /**
             * Format: uuid
             * @description A meeting chair in your area
             */
            chairUserId: string;
            /** @description People picked from the referrals awaiting a meeting */
            nominalIds?: string[];
            /** @description Others, by Vigil reference (a form sends them one per line or comma-separated) */
            vigilRefs?: string[];
            /** @description Agencies chosen for the case, besides the standing panel */
            agencyIds?: string[];
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @description Agencies invited */
              invited: number;
              /** @description People to be discussed */
              nominals: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A meeting: details, invited agencies with their attendance and the attendance rate, and the people discussed
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              level: number;
              /** Format: date-time */
              startsAt: string;
              /** Format: date */
              day: string;
              /** @description London time */
              time: string;
              /** @enum {string} */
              format: 'in_person' | 'online';
              location: string | null;
              onlineLink: string | null;
              chairUserId: string | null;
              chairName: string | null;
              /** @enum {string} */
              status: 'scheduled' | 'closed' | 'cancelled';
              closedAt: string | null;
              version: number;
              nominals: {
                /** Format: uuid */
                id: string;
                name: string;
                vigilRef: string;
                minutes: {
                  status: string;
                  version: number;
                } | null;
              }[];
              invitations: {
                /** Format: uuid */
                agencyId: string;
                name: string;
                type: string;
                /** @description A standing panel member */
                standing: boolean;
                responsibleAuthority: boolean;
                attended: boolean;
                records: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  agencyId: string;
                  agencyName: string;
                  personName: string;
                  /** @enum {string} */
                  attendance: 'attended' | 'apologies' | 'substitute' | 'absent';
                  attendanceLabel: string;
                  substituteFor: string | null;
                }[];
              }[];
              attendance: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                personName: string;
                /** @enum {string} */
                attendance: 'attended' | 'apologies' | 'substitute' | 'absent';
                attendanceLabel: string;
                substituteFor: string | null;
              }[];
              attendanceRate: {
                responsibleAuthority: {
                  invited: number;
                  attended: number;
                  /** @description Whole percent; null when none was invited */
                  percent: number | null;
                };
                dutyToCooperate: {
                  invited: number;
                  attended: number;
                  /** @description Whole percent; null when none was invited */
                  percent: number | null;
                };
              };
              /** @description Scheduled, rescheduled (from when to when, why) and cancelled (why), oldest first */
              history: {
                /** Format: date-time */
                at: string;
                by: string;
                summary: string;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record attendance for an invited agency (MAPPA E): attended, apologies, a substitute (for whom) or did not attend
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description An invited agency
             */
            agencyId: string;
            personName: string;
            /** @enum {string} */
            attendance: 'attended' | 'apologies' | 'substitute' | 'absent';
            /** @description Required for a substitute: whom they attended for */
            substituteFor?: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close the meeting once it has started (London time) and its attendance is recorded (else 400, nothing sent): each owner of a new action is notified at once with their actions; closing again changes nothing; a cancelled meeting cannot be closed
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closed: boolean;
              alreadyClosed: boolean;
              /** @description Owners sent their new actions (each once, with all of theirs) */
              ownersNotified: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/attendance/{attendanceId}/removal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove an attendance entry made in error, before the meeting closes; what was removed and why go in the access log
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          attendanceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @constant */
              removed: true;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/reschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move a scheduled meeting to a new date and time (today or later) with the reason; the invitees are told and the change is kept in the meeting’s history. A stale version is a 409
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description The new day of the meeting
             */
            date: string;
            /** @description London time, 24-hour clock */
            time: string;
            /** @description Why the meeting is being rescheduled: kept in its history and sent to the invitees */
            reason: string;
            /** @description The meeting’s version you read: a stale one is refused with 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              startsAt: string;
              /** Format: date */
              day: string;
              time: string;
              version: number;
              /** @description Invitees told in their inbox */
              notified: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a scheduled meeting with the reason; the invitees are told and the reason is kept in the meeting’s history. A cancelled meeting cannot be closed or minuted. A stale version is a 409
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why the meeting is being cancelled: kept in its history and sent to the invitees */
            reason: string;
            /** @description The meeting’s version you read: a stale one is refused with 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @constant */
              status: 'cancelled';
              version: number;
              /** @description Invitees told in their inbox */
              notified: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/agenda.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The agenda for one person as a PDF (application/pdf, marked OFFICIAL-SENSITIVE), as you may see it; logged as a disclosure
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/agenda': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The agenda (aide-memoire) for one person, generated from the record as you may see it
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              meeting: {
                /** Format: uuid */
                id: string;
                level: number;
                /** Format: date */
                day: string;
                time: string;
                status: string;
                format: string;
                areaName: string;
              };
              person: {
                /** Format: uuid */
                id: string;
                name: string;
                vigilRef: string;
              };
              previousMeetingOn: string | null;
              /** Format: date */
              newInformationSince: string;
              items: {
                key: string;
                heading: string;
                prompt: string;
                rows: {
                  label: string;
                  value: string;
                }[];
                paragraphs: string[];
                table?: {
                  head: string[];
                  rows: string[][];
                  empty: string;
                };
                links: {
                  href: string;
                  text: string;
                }[];
                /** @description What this viewer may not see here, and why */
                withheld: string[];
              }[];
              withheld: string[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The minutes of one person at one meeting (latest version, or `?version=`), with this meeting’s new actions, updates on earlier actions and level decision
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: {
          /** @description A version number; the latest if absent */
          version?: number;
        };
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              meeting: {
                /** Format: uuid */
                id: string;
                level: number;
                /** Format: date-time */
                startsAt: string;
                /** Format: date */
                day: string;
                time: string;
                status: string;
                areaName: string;
                chairUserId: string | null;
                chairName: string | null;
              };
              person: {
                /** Format: uuid */
                id: string;
                name: string;
                vigilRef: string;
              };
              versions: {
                version: number;
                /** @enum {string} */
                status: 'draft' | 'approved' | 'superseded';
                rowVersion: number;
                correctionReason: string | null;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                approvedAt: string | null;
                approvedBy: string | null;
              }[];
              /** @description The version asked for, or the latest */
              minutes: {
                version: number;
                /** @enum {string} */
                status: 'draft' | 'approved' | 'superseded';
                rowVersion: number;
                correctionReason: string | null;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                approvedAt: string | null;
                approvedBy: string | null;
                content: {
                  items: {
                    [key: string]: string;
                  };
                  decisions: string;
                  disclosure: {
                    considered: ('yes' | 'no') | null;
                    reason: string;
                  };
                  nextMeetingOn: string | null;
                };
              } | null;
              victimsWithheld: boolean;
              latestStatus: ('draft' | 'approved' | 'superseded') | null;
              newActions: {
                /** Format: uuid */
                id: string;
                description: string;
                /** @enum {string} */
                pillar:
                  | 'supervision'
                  | 'monitoring_and_control'
                  | 'interventions_and_treatment'
                  | 'victim_safety_planning'
                  | 'contingency';
                safeguarding: boolean;
                /** Format: date */
                dueOn: string;
                status: string;
                distributedAt: string | null;
                ownerAgency: string;
                ownerName: string;
              }[];
              earlierActions: {
                /** Format: uuid */
                id: string;
                description: string;
                /** @enum {string} */
                pillar:
                  | 'supervision'
                  | 'monitoring_and_control'
                  | 'interventions_and_treatment'
                  | 'victim_safety_planning'
                  | 'contingency';
                /** Format: date */
                dueOn: string;
                status: string;
                version: number;
                ownerAgency: string;
                ownerName: string;
              }[];
              updates: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                actionId: string;
                description: string;
                ownerAgency: string;
                note: string;
                status: string;
                /** Format: date-time */
                createdAt: string;
                by: string;
              }[];
              levelDecisions: {
                /** Format: uuid */
                id: string;
                level: number | null;
                kind: string;
                rationale: string;
                /** Format: date */
                decidedOn: string;
                overrideReason: string | null;
                continuesAtLowerLevel: string | null;
                decidedBy: string;
              }[];
              planVersions: {
                version: number;
                reason: string;
              }[];
              attendance: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                agencyId: string;
                agencyName: string;
                personName: string;
                /** @enum {string} */
                attendance: 'attended' | 'apologies' | 'substitute' | 'absent';
                attendanceLabel: string;
                substituteFor: string | null;
              }[];
              invitations: {
                /** Format: uuid */
                agencyId: string;
                name: string;
                type: string;
                /** @description A standing panel member */
                standing: boolean;
                responsibleAuthority: boolean;
                attended: boolean;
                records: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  agencyId: string;
                  agencyName: string;
                  personName: string;
                  /** @enum {string} */
                  attendance: 'attended' | 'apologies' | 'substitute' | 'absent';
                  attendanceLabel: string;
                  substituteFor: string | null;
                }[];
              }[];
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Save the draft minutes (rowVersion 0 for the first save); approved minutes are locked (409)
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The minute of each agenda item (at most 10,000 characters each) */
            items?: {
              /** @description Confidentiality and diversity statement */
              confidentiality?: string | null;
              /** @description Victim liaison officer’s update */
              victimLiaison?: string | null;
              /** @description The person’s own views */
              personsViews?: string | null;
              /** @description Protected characteristics and personal circumstances */
              diversity?: string | null;
              /** @description New information since the last meeting */
              newInformation?: string | null;
              /** @description Review of previous actions */
              previousActions?: string | null;
              /** @description Risk assessment */
              riskAssessment?: string | null;
              /** @description Risk management plan: supervision */
              supervision?: string | null;
              /** @description Risk management plan: monitoring and control */
              monitoringAndControl?: string | null;
              /** @description Risk management plan: interventions and treatment */
              interventionsAndTreatment?: string | null;
              /** @description Risk management plan: victim safety planning */
              victimSafetyPlanning?: string | null;
              /** @description Contingency, including the end of sentence or licence */
              contingency?: string | null;
              /** @description Disclosure considered */
              disclosure?: string | null;
              /** @description Level decision and next meeting */
              levelAndNextMeeting?: string | null;
            };
            /** @description Decisions apart from the level and the actions */
            decisions?: string | null;
            disclosure?: {
              /** @description Required before approval */
              considered?: ('yes' | 'no' | '') | null;
              /** @description Why disclosure is or is not needed: required before approval */
              reason?: string | null;
            };
            /** Format: date */
            nextMeetingOn?: string;
            /** @description The row version you read (0 before the first save): a stale one is refused with 409 */
            rowVersion: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              rowVersion: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The chair approves the draft minutes (disclosure considered, with why, is required); they are then locked
     * @description Access policy action `minutes.approve`: meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The row version you read (0 before the first save): a stale one is refused with 409 */
            rowVersion: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              rowVersion: number;
              /** @enum {string} */
              status: 'draft' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/correction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a correction of approved minutes: a new draft version with the reason; the approved version stays until it is approved
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              rowVersion: number;
              /** @enum {string} */
              status: 'draft' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a new action agreed at this meeting; its owner is notified when the meeting closes
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description: string;
            /** @enum {string} */
            pillar:
              | 'supervision'
              | 'monitoring_and_control'
              | 'interventions_and_treatment'
              | 'victim_safety_planning'
              | 'contingency';
            safeguarding?: boolean;
            /** @description An agency id */
            ownerAgencyId: string;
            /** @description A user of the owner agency */
            ownerUserId?: string;
            /** @description A named person without a Vigil account */
            ownerName?: string;
            /**
             * Format: date
             * @description Today or later
             */
            dueOn: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/actions/{actionId}/updates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record, at this meeting, an update on an action from an earlier meeting
     * @description Access policy action `meeting.manage`: mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
          actionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Progress; required unless the status changes */
            note?: string;
            /**
             * @description Open actions may be completed or cancelled; closed ones only reopened
             * @enum {string}
             */
            status?: 'open' | 'completed' | 'cancelled';
            /** @description The version you read: a stale one is refused with 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @constant */
              recorded: true;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/level-decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The panel’s level decision, recorded with the meeting: escalate (e.g. Level 2 to 3 in one step), confirm, reduce (refused with open actions unless the chair gives an override reason) or end MAPPA management
     * @description Access policy action `level.decide`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Required: the level, or `end` to end MAPPA management
             * @enum {unknown}
             */
            level?: 1 | 2 | 3 | 'end';
            criteria?: (
              | 'rosh_high_or_very_high'
              | 'multi_agency_meetings_add_value'
              | 'lower_risk_needs_active_coordination'
              | 'stepping_down_from_level_3'
              | 'senior_resources_at_short_notice'
              | 'high_public_or_media_interest'
            )[];
            /** @description At most 4000 characters */
            rationale?: string;
            /** @description The chair’s reason to reduce while actions are open (at most 4000 characters) */
            overrideReason?: string;
            /** @description Required on a reduction (at most 4000 characters) */
            continuesAtLowerLevel?: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              kind: string;
              category: number | null;
              level: number | null;
              warnings: string[];
              /** @description A reduction with open actions, on the chair’s override */
              overridden: boolean;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The meetings a person was discussed at, with where their minutes stand
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              level: number;
              /** Format: date-time */
              startsAt: string;
              /** Format: date */
              day: string;
              status: string;
              minutes: {
                status: string;
                version: number;
              } | null;
            }[];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MAPPA B minutes (the latest version, or `?version=`) as an HTML page (OFFICIAL-SENSITIVE), logged in the access log as a disclosure to you
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: {
          /** @description A version number; the latest if absent */
          version?: number;
        };
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meetings/{meetingId}/nominals/{nominalId}/minutes/document.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MAPPA B minutes (the latest version, or `?version=`) as a PDF (OFFICIAL-SENSITIVE on every page), logged in the access log as a disclosure to you
     * @description Access policy action `meeting.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: {
          /** @description A version number; the latest if absent */
          version?: number;
        };
        header?: never;
        path: {
          meetingId: string;
          nominalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your actions: those you own, and your agency’s with no named owner (a duty-to-co-operate representative: all their agency’s), open first
     * @description Access policy action `action.update`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative. Refused to a read-only token.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                nominalName: string;
                vigilRef: string;
                /** @description The meeting that agreed it */
                meetingId: string | null;
                description: string;
                /** @enum {string} */
                pillar:
                  | 'supervision'
                  | 'monitoring_and_control'
                  | 'interventions_and_treatment'
                  | 'victim_safety_planning'
                  | 'contingency';
                safeguarding: boolean;
                /** Format: uuid */
                ownerAgencyId: string;
                ownerAgencyName: string;
                ownerUserId: string | null;
                ownerUserName: string | null;
                /** @description A named person without a Vigil account */
                ownerName: string | null;
                /** Format: date */
                dueOn: string;
                /** @enum {string} */
                status: 'open' | 'completed' | 'cancelled';
                /** @description Open and due before today */
                overdue: boolean;
                completedOn: string | null;
                /** @description When its owner was notified */
                distributedAt: string | null;
                /** @description Send it back with an update */
                version: number;
                updates: {
                  /** Format: uuid */
                  id: string;
                  note: string;
                  /** @enum {string} */
                  status: 'open' | 'completed' | 'cancelled';
                  /** @description Recorded at this meeting */
                  meetingId: string | null;
                  /** Format: date-time */
                  createdAt: string;
                  createdBy: string;
                  createdByAgency: string;
                }[];
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/actions/{actionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One action with its updates (its owners, and anyone who may see the person’s record)
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          actionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              action: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                nominalName: string;
                vigilRef: string;
                /** @description The meeting that agreed it */
                meetingId: string | null;
                description: string;
                /** @enum {string} */
                pillar:
                  | 'supervision'
                  | 'monitoring_and_control'
                  | 'interventions_and_treatment'
                  | 'victim_safety_planning'
                  | 'contingency';
                safeguarding: boolean;
                /** Format: uuid */
                ownerAgencyId: string;
                ownerAgencyName: string;
                ownerUserId: string | null;
                ownerUserName: string | null;
                /** @description A named person without a Vigil account */
                ownerName: string | null;
                /** Format: date */
                dueOn: string;
                /** @enum {string} */
                status: 'open' | 'completed' | 'cancelled';
                /** @description Open and due before today */
                overdue: boolean;
                completedOn: string | null;
                /** @description When its owner was notified */
                distributedAt: string | null;
                /** @description Send it back with an update */
                version: number;
                updates: {
                  /** Format: uuid */
                  id: string;
                  note: string;
                  /** @enum {string} */
                  status: 'open' | 'completed' | 'cancelled';
                  /** @description Recorded at this meeting */
                  meetingId: string | null;
                  /** Format: date-time */
                  createdAt: string;
                  createdBy: string;
                  createdByAgency: string;
                }[];
              };
              /** @description You own it, or run the area’s MAPPA meetings */
              mayUpdate: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/actions/{actionId}/updates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record progress on an action and/or change its status (owners and the MAPPA unit). 409 when `version` is stale
     * @description Access policy action `action.update`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          actionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Progress; required unless the status changes */
            note?: string;
            /**
             * @description Open actions may be completed or cancelled; closed ones only reopened
             * @enum {string}
             */
            status?: 'open' | 'completed' | 'cancelled';
            /** @description The version you read: a stale one is refused with 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              status: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Agree an action outside a meeting (MAPPA unit and those who edit the risk management plan); its owner is notified at once
     * @description Access policy action `nominal.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description: string;
            /** @enum {string} */
            pillar:
              | 'supervision'
              | 'monitoring_and_control'
              | 'interventions_and_treatment'
              | 'victim_safety_planning'
              | 'contingency';
            safeguarding?: boolean;
            /** @description An agency id */
            ownerAgencyId: string;
            /** @description A user of the owner agency */
            ownerUserId?: string;
            /** @description A named person without a Vigil account */
            ownerName?: string;
            /**
             * Format: date
             * @description Today or later
             */
            dueOn: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/risk-management-plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s one risk management plan (the Four Pillars, contingency plan and conditions): the current version, or null
     * @description Access policy action `rmp.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              current: {
                version: number;
                /** @description Who sees the person, how often and where; what each contact checks. */
                supervision: string;
                /** @description Licence or order conditions being enforced, electronic monitoring, police visits, disclosure. */
                monitoringAndControl: string;
                /** @description Programmes, mental health or substance misuse treatment, help with housing and work. */
                interventionsAndTreatment: string;
                /** @description How known and potential victims are protected: exclusion zones, no-contact conditions, the victim liaison officer’s plan. */
                victimSafetyPlanning: string;
                /** @description What happens if risk rises or the plan breaks down, and what happens at the end of the sentence or licence. */
                contingency: string;
                /** @description The full list of current licence or order conditions */
                conditions: string[];
                /** @description Why this version was written */
                reason: string;
                /** Format: date-time */
                changedAt: string;
                changedByName: string;
                meetingId: string | null;
                /** @description What this version changed from the one before */
                changes: {
                  label: string;
                  before: string;
                  after: string;
                }[];
                meeting: {
                  /** Format: uuid */
                  id: string;
                  /** Format: date-time */
                  startsAt: string;
                  level: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Revise the plan: a new version with the reason (and the meeting, if one decided it). 409 if someone saved a newer version since `expectedVersion`
     * @description Access policy action `rmp.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, meeting_chair. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you started from (0 when there is no plan yet) */
            expectedVersion: number;
            /** @description Who sees the person, how often and where; what each contact checks. Blank when omitted. */
            supervision?: string;
            /** @description Licence or order conditions being enforced, electronic monitoring, police visits, disclosure. Blank when omitted. */
            monitoringAndControl?: string;
            /** @description Programmes, mental health or substance misuse treatment, help with housing and work. Blank when omitted. */
            interventionsAndTreatment?: string;
            /** @description How known and potential victims are protected: exclusion zones, no-contact conditions, the victim liaison officer’s plan. Blank when omitted. */
            victimSafetyPlanning?: string;
            /** @description What happens if risk rises or the plan breaks down, and what happens at the end of the sentence or licence. Blank when omitted. */
            contingency?: string;
            /** @description The full list of current licence or order conditions (replaces the previous list); a form may send them as lines of text */
            conditions?: string[];
            /** @description Why the plan is changing */
            reason: string;
            /** @description The meeting that decided the change (it must include this person) */
            meetingId?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              /** @description Who sees the person, how often and where; what each contact checks. */
              supervision: string;
              /** @description Licence or order conditions being enforced, electronic monitoring, police visits, disclosure. */
              monitoringAndControl: string;
              /** @description Programmes, mental health or substance misuse treatment, help with housing and work. */
              interventionsAndTreatment: string;
              /** @description How known and potential victims are protected: exclusion zones, no-contact conditions, the victim liaison officer’s plan. */
              victimSafetyPlanning: string;
              /** @description What happens if risk rises or the plan breaks down, and what happens at the end of the sentence or licence. */
              contingency: string;
              /** @description The full list of current licence or order conditions */
              conditions: string[];
              /** @description Why this version was written */
              reason: string;
              /** Format: date-time */
              changedAt: string;
              changedByName: string;
              meetingId: string | null;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/risk-management-plan/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every version of the plan, newest first, each with who, when, why and what it changed
     * @description Access policy action `rmp.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              versions: {
                version: number;
                /** @description Who sees the person, how often and where; what each contact checks. */
                supervision: string;
                /** @description Licence or order conditions being enforced, electronic monitoring, police visits, disclosure. */
                monitoringAndControl: string;
                /** @description Programmes, mental health or substance misuse treatment, help with housing and work. */
                interventionsAndTreatment: string;
                /** @description How known and potential victims are protected: exclusion zones, no-contact conditions, the victim liaison officer’s plan. */
                victimSafetyPlanning: string;
                /** @description What happens if risk rises or the plan breaks down, and what happens at the end of the sentence or licence. */
                contingency: string;
                /** @description The full list of current licence or order conditions */
                conditions: string[];
                /** @description Why this version was written */
                reason: string;
                /** Format: date-time */
                changedAt: string;
                changedByName: string;
                meetingId: string | null;
                /** @description What this version changed from the one before */
                changes: {
                  label: string;
                  before: string;
                  after: string;
                }[];
                meeting: {
                  /** Format: uuid */
                  id: string;
                  /** Format: date-time */
                  startsAt: string;
                  level: number;
                } | null;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s prison reports you may see: approved ones, and drafts of your own establishment
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              reports: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'returned' | 'approved';
                statusLabel: string;
                version: number;
                establishment: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                meeting: {
                  /** Format: uuid */
                  id: string;
                  /** Format: date-time */
                  startsAt: string;
                  level: number;
                } | null;
                parts: {
                  /** @description Conduct on the wing, relationships with staff and other prisoners, engagement with the sentence plan. */
                  behaviour: string;
                  /** @description Proven adjudications and what they were for, with dates. */
                  adjudications: string;
                  /** @description Intelligence held by the security department that bears on risk. Not shown to duty-to-co-operate agencies. */
                  securityIntelligence: string;
                  /** @description Behaviour in custody that mirrors the offending, for example grooming, controlling or threatening others. */
                  offenceParalleling: string;
                  /** @description ROTL granted, refused or failed, and how the person managed it. */
                  rotl: string;
                  /** @description What phone and mail monitoring found, if the person is monitored: contacts, frequency, content of concern. */
                  communicationsMonitoring: string;
                  /** @description What the evidence above says about the risk the person poses, to whom, and what the panel should consider. Not a list of events. */
                  analysis: string;
                };
                /** @description True for duty-to-co-operate agencies: security intelligence is never shared with them */
                securityIntelligenceWithheld: boolean;
                writtenBy: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /** Format: date-time */
                updatedAt: string;
                submittedAt: string | null;
                approvedBy: string | null;
                approvedAt: string | null;
                returnReason: string | null;
                mayEdit: boolean;
                mayApprove: boolean;
              }[];
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Start a prison report as a draft of your own establishment (prison staff only); `submit: true` submits it for approval at once
     * @description Access policy action `prison-report.write`: prison_offender_manager, head_of_offender_management_unit. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The meeting it is written for (it must discuss this person); on a save, omitted keeps it */
            meetingId?: string | null;
            /** @description Conduct on the wing, relationships with staff and other prisoners, engagement with the sentence plan. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            behaviour?: string;
            /** @description Proven adjudications and what they were for, with dates. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            adjudications?: string;
            /** @description Intelligence held by the security department that bears on risk. Not shown to duty-to-co-operate agencies. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            securityIntelligence?: string;
            /** @description Behaviour in custody that mirrors the offending, for example grooming, controlling or threatening others. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            offenceParalleling?: string;
            /** @description ROTL granted, refused or failed, and how the person managed it. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            rotl?: string;
            /** @description What phone and mail monitoring found, if the person is monitored: contacts, frequency, content of concern. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            communicationsMonitoring?: string;
            /** @description What the evidence above says about the risk the person poses, to whom, and what the panel should consider. Not a list of events. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            analysis?: string;
            /** @description Submit for approval in the same step (the analysis is then required) */
            submit?: boolean;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'returned' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports/{reportId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One prison report (not found if it is another establishment’s unapproved report)
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              nominalId: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'returned' | 'approved';
              statusLabel: string;
              version: number;
              establishment: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              meeting: {
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                startsAt: string;
                level: number;
              } | null;
              parts: {
                /** @description Conduct on the wing, relationships with staff and other prisoners, engagement with the sentence plan. */
                behaviour: string;
                /** @description Proven adjudications and what they were for, with dates. */
                adjudications: string;
                /** @description Intelligence held by the security department that bears on risk. Not shown to duty-to-co-operate agencies. */
                securityIntelligence: string;
                /** @description Behaviour in custody that mirrors the offending, for example grooming, controlling or threatening others. */
                offenceParalleling: string;
                /** @description ROTL granted, refused or failed, and how the person managed it. */
                rotl: string;
                /** @description What phone and mail monitoring found, if the person is monitored: contacts, frequency, content of concern. */
                communicationsMonitoring: string;
                /** @description What the evidence above says about the risk the person poses, to whom, and what the panel should consider. Not a list of events. */
                analysis: string;
              };
              /** @description True for duty-to-co-operate agencies: security intelligence is never shared with them */
              securityIntelligenceWithheld: boolean;
              writtenBy: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /** Format: date-time */
              updatedAt: string;
              submittedAt: string | null;
              approvedBy: string | null;
              approvedAt: string | null;
              returnReason: string | null;
              mayEdit: boolean;
              mayApprove: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Save a draft or returned report as a new version (every part is replaced; blank when omitted)
     * @description Access policy action `prison-report.write`: prison_offender_manager, head_of_offender_management_unit. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The meeting it is written for (it must discuss this person); on a save, omitted keeps it */
            meetingId?: string | null;
            /** @description Conduct on the wing, relationships with staff and other prisoners, engagement with the sentence plan. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            behaviour?: string;
            /** @description Proven adjudications and what they were for, with dates. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            adjudications?: string;
            /** @description Intelligence held by the security department that bears on risk. Not shown to duty-to-co-operate agencies. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            securityIntelligence?: string;
            /** @description Behaviour in custody that mirrors the offending, for example grooming, controlling or threatening others. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            offenceParalleling?: string;
            /** @description ROTL granted, refused or failed, and how the person managed it. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            rotl?: string;
            /** @description What phone and mail monitoring found, if the person is monitored: contacts, frequency, content of concern. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            communicationsMonitoring?: string;
            /** @description What the evidence above says about the risk the person poses, to whom, and what the panel should consider. Not a list of events. Blank when omitted (on a new draft, the parts custody knows start from the custody record instead). */
            analysis?: string;
            /** @description Submit for approval in the same step (the analysis is then required) */
            submit?: boolean;
            /** @description The version you started from; 409 if the report changed since */
            expectedVersion: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'returned' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports/{reportId}/submission': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a draft for a manager’s approval (the analysis of risk is required)
     * @description Access policy action `prison-report.write`: prison_offender_manager, head_of_offender_management_unit. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you started from; 409 if the report changed since */
            expectedVersion: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'returned' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports/{reportId}/approval': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a submitted report, sharing it with everyone who can see the record (a manager of the same establishment who did not write it)
     * @description Access policy action `prison-report.approve`: prison_offender_manager, head_of_offender_management_unit. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you started from; 409 if the report changed since */
            expectedVersion: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'returned' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports/{reportId}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Return a submitted report to its author with a reason
     * @description Access policy action `prison-report.approve`: prison_offender_manager, head_of_offender_management_unit. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The version you started from; 409 if the report changed since */
            expectedVersion: number;
            /** @description Why it is returned: its author sees this */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'returned' | 'approved';
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports/{reportId}/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MAPPA F prison report as an HTML page (OFFICIAL-SENSITIVE), logged in the access log as a disclosure to you
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/prison-reports/{reportId}/document.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MAPPA F prison report as a PDF (OFFICIAL-SENSITIVE on every page), logged in the access log as a disclosure to you
     * @description Access policy action `nominal.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer, dtc_representative.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s custody episodes, newest first: establishment and moves, sentence dates, POM and COM allocation and handover (each with its due date and whether late), and the pre-release checklist
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Newest first; at most one is open (not released) */
              episodes: {
                /** Format: uuid */
                id: string;
                version: number;
                establishment: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                } | null;
                /** Format: date */
                receivedOn: string;
                recall: boolean;
                /** @description Its label, e.g. "Category C" */
                securityCategory: string | null;
                /** @description The sentence dates by field key (conditionalReleaseDate, …) */
                dates: {
                  [key: string]: string | null;
                };
                earliestRelease: {
                  /** Format: date */
                  date: string;
                  label: string;
                } | null;
                pom: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  allocatedOn: string | null;
                } | null;
                com: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  allocatedOn: string | null;
                } | null;
                handover: {
                  /** Format: date */
                  on: string;
                  threeWay: boolean | null;
                } | null;
                released: {
                  /** Format: date */
                  on: string;
                  type: string;
                } | null;
                moves: {
                  from: string;
                  to: string;
                  /** Format: date */
                  movedOn: string;
                  reason: string | null;
                }[];
                /** @description OMiC: POM within the area’s days of reception; COM and handover by the handover date */
                allocation: {
                  /** @enum {string} */
                  kind: 'pom_allocation' | 'com_allocation' | 'handover';
                  dueOn: string | null;
                  doneOn: string | null;
                  late: boolean;
                  basis: string;
                }[];
                checklist: {
                  item: string;
                  label: string;
                  /** @enum {string} */
                  status: 'done' | 'missing' | 'not_needed';
                  detail: string;
                }[];
              }[];
              mayEdit: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a reception into custody (one open episode at a time)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            establishmentAgencyId: string;
            receivedOn: string;
            recall: boolean;
            securityCategory?:
              ('A' | 'B' | 'C' | 'D' | 'women_closed' | 'women_open' | 'yoi_closed' | 'yoi_open') | null;
            sentenceStartDate?: string | null;
            conditionalReleaseDate?: string | null;
            paroleEligibilityDate?: string | null;
            hdcEligibilityDate?: string | null;
            licenceExpiryDate?: string | null;
            sentenceExpiryDate?: string | null;
            topUpSupervisionExpiryDate?: string | null;
            tariffExpiryDate?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/{episodeId}/details': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the security category and sentence dates (on an open episode, with the version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          episodeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            securityCategory?:
              ('A' | 'B' | 'C' | 'D' | 'women_closed' | 'women_open' | 'yoi_closed' | 'yoi_open') | null;
            sentenceStartDate?: string | null;
            conditionalReleaseDate?: string | null;
            paroleEligibilityDate?: string | null;
            hdcEligibilityDate?: string | null;
            licenceExpiryDate?: string | null;
            sentenceExpiryDate?: string | null;
            topUpSupervisionExpiryDate?: string | null;
            tariffExpiryDate?: string | null;
            /** @description The episode’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/{episodeId}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a move to another establishment (on an open episode, with the version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          episodeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            toAgencyId: string;
            movedOn: string;
            reason?: string | null;
            /** @description The episode’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/{episodeId}/allocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Allocate the offender managers (on an open episode, with the version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          episodeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            pomEmail?: string | null;
            pomAllocatedOn?: string | null;
            comEmail?: string | null;
            comAllocatedOn?: string | null;
            /** @description The episode’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/{episodeId}/handover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the handover to the community (on an open episode, with the version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          episodeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            handedOverOn: string;
            threeWay: boolean;
            /** @description The episode’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/{episodeId}/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a pre-release check (on an open episode, with the version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          episodeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            item: 'accommodation' | 'licence_conditions' | 'approved_premises' | 'victim_contact';
            /** @enum {string} */
            status: 'done' | 'not_needed';
            doneOn?: string | null;
            note?: string | null;
            /** @description The episode’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/{episodeId}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the release (on an open episode, with the version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          episodeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            releasedOn: string;
            /** @enum {string} */
            releaseType:
              | 'conditional_release'
              | 'parole'
              | 'hdc'
              | 'end_of_sentence'
              | 'remand_ended'
              | 'deportation'
              | 'other';
            /** @description The episode’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/custody/worklist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What is due in custody, one row per obligation: late or coming allocations and handovers, and missing pre-release checks (prison staff: their establishment; others: their area)
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /** Format: uuid */
                nominalId: string;
                name: string;
                /** Format: uuid */
                episodeId: string;
                establishment: string;
                /** @description pom_allocation, com_allocation, handover, a missing pre-release check (its item code), rotl_decision, address_check (a release or HDC address decision due), irmm_action (overdue), and, to the security compartment only, monitoring_review and monitoring_flag */
                kind: string;
                reason: string;
                dueOn: string | null;
                late: boolean;
              }[];
              total: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/custody/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your area’s custody settings: handover months before release, POM allocation days
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              areaCode: string;
              handoverMonthsBeforeRelease: number;
              pomAllocationDays: number;
              version: number;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Change your area’s custody settings (with the version you read; 0 when never saved)
     * @description Access policy action `area.settings`: mappa_coordinator. Refused to a read-only token.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            handoverMonthsBeforeRelease: number;
            pomAllocationDays: number;
            /** @description The settings’ version you read (0 when never saved) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              areaCode: string;
              handoverMonthsBeforeRelease: number;
              pomAllocationDays: number;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Someone else changed it first: `changes` says what they changed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/monitoring': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s communications monitoring: in the security compartment the whole case (reasons, review due, linked numbers, the last 90 days of communications, every flag); for community managers only the flags security released, with their summaries
     * @description Access policy action `monitoring.released`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, probation_practitioner, senior_probation_officer, police_offender_manager, mappa_coordinator, mappa_administrator, meeting_chair.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              compartment: boolean;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Put a prisoner on monitoring: PIN account, reasons, who authorised it and when
     * @description Access policy action `monitoring.manage`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The phone system account: imported call records are matched by it */
            pinAccount: string;
            reasons: ('harassment' | 'victim_contact' | 'child_contact' | 'terrorism' | 'organised_crime')[];
            /** @description Who authorised monitoring (name and grade) */
            authorisedBy: string;
            authorisedOn: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/monitoring/{caseId}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The monthly review: monitoring continues (next review a month on) or ends, with why
     * @description Access policy action `monitoring.manage`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          caseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reviewedOn: string;
            continue: boolean;
            reason?: string | null;
            /** @description The version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/monitoring/{caseId}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A number or address linked to a victim, a child, a no-contact order or a co-defendant, with its source
     * @description Access policy action `monitoring.manage`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          caseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            counterpart: string;
            /** @enum {string} */
            link: 'victim' | 'child' | 'no_contact_order' | 'co_defendant';
            /** @description Where on the record it comes from, e.g. "Relationship: victim (Jane Doe)" */
            source: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              counterpart: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/monitoring/{caseId}/communications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a call listened to, a letter or a visit (summary, language, translation, concerns); the rules run at once
     * @description Access policy action `monitoring.manage`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          caseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'call' | 'mail' | 'visit';
            occurredOn: string;
            counterpart: string;
            durationSeconds?: number | null;
            listenedOn?: string | null;
            summary?: string | null;
            language?: string | null;
            translationRequestedOn?: string | null;
            translationDoneOn?: string | null;
            concerns?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              flagsRaised: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/monitoring/call-records': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import the phone system’s call records (CSV: timestamp, number called, duration, PIN account) for your establishment: `confirm: false` previews (rows matched per case, not monitored, each row’s problem); `confirm: true` imports only if no row has a problem
     * @description Access policy action `monitoring.manage`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fileName: string;
            csv: string;
            /**
             * @description false: a preview, nothing written; true: import (only if no row has a problem)
             * @default false
             */
            confirm?: boolean;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              imported: boolean;
              flagsRaised: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/monitoring-flags/{flagId}/acknowledgement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deal with a flag: no concern, intelligence report submitted, or referred to the police
     * @description Access policy action `monitoring.manage`: prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          flagId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            outcome: 'no_concern' | 'intelligence_report' | 'referred_to_police';
            note?: string | null;
            /** @description The version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/monitoring-flags/{flagId}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Release a flag and a summary to the community managers (security only)
     * @description Access policy action `monitoring.release`: prison_security, head_of_offender_management_unit. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          flagId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            summary: string;
            /** @description The version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/rotl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s releases on temporary licence (ROTL): each application (type, planned dates, address, escort), its decision and its outcome
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Latest planned start first */
              episodes: {
                /** Format: uuid */
                id: string;
                version: number;
                /** Format: uuid */
                custodyEpisodeId: string;
                type: {
                  code: string;
                  label: string;
                };
                /** Format: date */
                plannedStartOn: string;
                /** Format: date */
                plannedEndOn: string;
                address: {
                  line1: string;
                  town: string;
                  postcode: string;
                };
                escorted: boolean;
                escortDetails: string | null;
                decision: {
                  /** @enum {string} */
                  status: 'pending' | 'approved' | 'refused';
                  decidedBy: string | null;
                  decidedOn: string | null;
                  reason: string | null;
                };
                outcome: {
                  code: string;
                  label: string;
                  failure: boolean;
                } | null;
                failures: string | null;
              }[];
              /** @description An application needs an open custody episode */
              inCustody: boolean;
              mayEdit: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a ROTL application on the person’s open custody episode; it waits for a decision (on the custody worklist as "ROTL decision due")
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            type:
              | 'day_release'
              | 'resettlement_day_release'
              | 'resettlement_overnight_release'
              | 'childcare_resettlement_licence'
              | 'special_purpose_licence';
            plannedStartOn: string;
            plannedEndOn: string;
            addressLine1: string;
            addressTown: string;
            addressPostcode: string;
            escorted: boolean;
            escortDetails?: string | null;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/rotl/{rotlId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the decision on a pending ROTL application (with the version you read); an approval sets the record’s first ROTL date when it is the earliest
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rotlId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'approved' | 'refused';
            decidedBy: string;
            decidedOn: string;
            reason?: string | null;
            /** @description The ROTL’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/rotl/{rotlId}/outcome': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record how an approved ROTL ended (with the version you read); a failure is a significant event
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          rotlId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            outcome: 'completed' | 'failed_to_return' | 'returned_late' | 'breach_of_conditions' | 'recalled';
            failures?: string | null;
            /** @description The ROTL’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/irmm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s internal risk management meetings, newest first: attendees, custody behaviour, risk concerns, decisions and the actions agreed (with whether each is overdue)
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              meetings: {
                /** Format: uuid */
                id: string;
                /** Format: date */
                heldOn: string;
                establishment: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                attendees: {
                  name: string;
                  /** @description Their role and agency, e.g. "Prison offender manager, HMP Bristol" */
                  role: string;
                  /** @description true: attended; false: sent apologies */
                  attended: boolean;
                }[];
                custodyBehaviour: string | null;
                riskConcerns: string | null;
                decisions: string;
                actions: {
                  /** Format: uuid */
                  id: string;
                  version: number;
                  description: string;
                  ownerName: string;
                  /** Format: date */
                  dueOn: string;
                  doneOn: string | null;
                  overdue: boolean;
                }[];
              }[];
              mayEdit: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record an internal risk management meeting held in an establishment: who attended or sent apologies, the outcome and the actions agreed
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            heldOn: string;
            /** @description The prison that held the meeting */
            establishmentAgencyId: string;
            attendees: {
              name: string;
              /** @description Their role and agency, e.g. "Prison offender manager, HMP Bristol" */
              role: string;
              /** @description true: attended; false: sent apologies */
              attended: boolean;
            }[];
            /** @description Behaviour in custody as discussed: conduct, relationships, engagement */
            custodyBehaviour?: string | null;
            /** @description Concerns about risk raised at the meeting */
            riskConcerns?: string | null;
            /** @description What the meeting decided */
            decisions: string;
            /**
             * @description The actions agreed, each with its owner and due date
             * @default []
             */
            actions?: {
              description: string;
              /** @description Who will do it (name, and role or agency) */
              ownerName: string;
              dueOn: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/custody/irmm/{irmmId}/actions/{irmmActionId}/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark an action agreed at an internal risk management meeting done (today), with the version you read
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          irmmId: string;
          irmmActionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The action’s version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/address-checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The person’s release and HDC address checks, newest first: each conflict with the record and its source, how each was set aside, and the decision
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Newest first */
              checks: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                nominalId: string;
                /** @enum {string} */
                purpose: 'hdc' | 'release';
                purposeLabel: string;
                address: {
                  line1: string;
                  line2: string | null;
                  town: string | null;
                  postcode: string;
                };
                /** Format: date */
                checkedOn: string;
                proposedBy: string;
                proposedAt: string;
                conflicts: {
                  /** Format: uuid */
                  id: string;
                  kind: string;
                  label: string;
                  /** @description Where on the record it comes from, with the date it holds from */
                  source: string;
                  detail: string;
                  /** @description About a victim, and you may not see victims: source and detail say so only */
                  withheld: boolean;
                  /** @description Set aside: why, by whom, when */
                  dismissal: {
                    reason: string;
                    by: string;
                    at: string;
                  } | null;
                  version: number;
                }[];
                /** @description Conflicts not yet set aside */
                undismissed: number;
                decision: {
                  /** @enum {string} */
                  outcome: 'suitable' | 'unsuitable';
                  reason: string | null;
                  by: string;
                  at: string;
                } | null;
                version: number;
              }[];
              mayEdit: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Propose an address for HDC or release: it is checked against the record today (relationships’ addresses, the domestic abuse marker, orders’ exclusion zones); the police offender managers are told of any conflict
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            purpose: 'hdc' | 'release';
            line1: string;
            line2?: string | null;
            town?: string | null;
            postcode: string;
          };
        };
      };
      responses: {
        /** @description Success */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
              conflicts: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/address-checks/{checkId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One address check
     * @description Access policy action `custody.view`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, prison_security, prison_public_protection_lead, mappa_coordinator, mappa_administrator, meeting_chair, victim_liaison_officer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          checkId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              nominalId: string;
              /** @enum {string} */
              purpose: 'hdc' | 'release';
              purposeLabel: string;
              address: {
                line1: string;
                line2: string | null;
                town: string | null;
                postcode: string;
              };
              /** Format: date */
              checkedOn: string;
              proposedBy: string;
              proposedAt: string;
              conflicts: {
                /** Format: uuid */
                id: string;
                kind: string;
                label: string;
                /** @description Where on the record it comes from, with the date it holds from */
                source: string;
                detail: string;
                /** @description About a victim, and you may not see victims: source and detail say so only */
                withheld: boolean;
                /** @description Set aside: why, by whom, when */
                dismissal: {
                  reason: string;
                  by: string;
                  at: string;
                } | null;
                version: number;
              }[];
              /** @description Conflicts not yet set aside */
              undismissed: number;
              decision: {
                /** @enum {string} */
                outcome: 'suitable' | 'unsuitable';
                reason: string | null;
                by: string;
                at: string;
              } | null;
              version: number;
              mayEdit: boolean;
            };
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/address-checks/{checkId}/conflicts/{conflictId}/dismissal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a conflict aside, with why (the conflict’s version you read; 409 if it changed since)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          checkId: string;
          conflictId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** @description The version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominals/{id}/address-checks/{checkId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decide the address: suitable only once every conflict is set aside; unsuitable with why (the check’s version you read)
     * @description Access policy action `custody.edit`: probation_practitioner, senior_probation_officer, police_offender_manager, prison_offender_manager, head_of_offender_management_unit, mappa_coordinator, mappa_administrator. Refused to a read-only token.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          checkId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'suitable' | 'unsuitable';
            reason?: string | null;
            /** @description The version you read; 409 if it changed since */
            version: number;
          };
        };
      };
      responses: {
        /** @description Success */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              version: number;
            };
          };
        };
        /** @description Invalid input: `errors` lists each field and what is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token’s user may not do this, or the token is read-only */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or outside the user’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail?: string;
      instance?: string;
      errors?: {
        field?: string;
        message?: string;
      }[];
      changes?: Record<string, never>[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
