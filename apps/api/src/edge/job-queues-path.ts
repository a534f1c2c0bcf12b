/** Where the job queues dashboard (bull-board, admins only) is served; see job-queues.ts. */
export const JOB_QUEUES_PATH = '/admin/queues';
