/** The series' name: page titles, the header, social images. */
export const SITE_NAME = '通辽：项目与产业';
