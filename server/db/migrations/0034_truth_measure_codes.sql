-- Custom SQL migration file, put your code below! --
-- hand-written
-- Indicators' units of measure become codes of shared/measures.ts where the words are known
-- (decision 40); any other measure stays as written (the free-text fallback).
update indicators i set measure = m.code
  from (values
    ('%', 'percent'),
    ('%/năm', 'percent_per_year'),
    ('%/year', 'percent_per_year'),
    ('ngày', 'days'),
    ('days', 'days'),
    ('giờ', 'hours'),
    ('hours', 'hours'),
    ('người', 'people'),
    ('people', 'people'),
    ('doanh nghiệp', 'businesses'),
    ('businesses', 'businesses'),
    ('đơn vị', 'units'),
    ('units', 'units'),
    ('hồ sơ', 'records'),
    ('records', 'records'),
    ('thủ tục', 'procedures'),
    ('procedures', 'procedures'),
    ('hệ thống', 'systems'),
    ('systems', 'systems'),
    ('cơ sở dữ liệu', 'datasets'),
    ('datasets', 'datasets'),
    ('nhiệm vụ', 'tasks'),
    ('tasks', 'tasks'),
    ('lần', 'times'),
    ('times', 'times'),
    ('điểm', 'points'),
    ('points', 'points'),
    ('đồng', 'vnd'),
    ('vnd', 'vnd'),
    ('triệu đồng', 'million_vnd'),
    ('million vnd', 'million_vnd'),
    ('tỷ đồng', 'billion_vnd'),
    ('billion vnd', 'billion_vnd'),
    ('tỉ đồng', 'billion_vnd'),
    ('tỷ', 'billion_vnd'),
    ('phần trăm', 'percent'),
    ('vnđ', 'vnd'),
    ('lượt', 'times')
  ) as m(words, code)
 where lower(btrim(i.measure)) = m.words;
